/** Unknown props fail with file and line (issue 8, "Writers"); names read as JSX attributes are written. */
import { describe, expect, it } from 'vitest';
import { checkPropNames, COMPONENT_PROPS, propUses } from './prop-names.ts';

const mdx = `Text with <b>html</b> and a prop="x" outside any tag.

<Terminal id="main" scenario="laptop"
  caption={"a > b"} />

<Claim id="x" scenario="laptop" sources={["a"]}
  run={\`echo "}" > /f
ls\`}
  check={\`test -f /f\`}>
A statement with <Cmd>ls -l</Cmd>.
</Claim>
`;

describe('propUses', () => {
  it('reads prop names and lines, skipping values with braces, quotes and ">"', () => {
    expect(propUses(mdx).map((u) => `${u.component}.${u.name}:${u.line}`)).toEqual([
      'Terminal.id:3', 'Terminal.scenario:3', 'Terminal.caption:4',
      'Claim.id:6', 'Claim.scenario:6', 'Claim.sources:6', 'Claim.run:7', 'Claim.check:9',
    ]);
  });
});

describe('checkPropNames', () => {
  it('accepts the chapters as written', () => {
    expect(() => checkPropNames('c.mdx', mdx)).not.toThrow();
    expect(COMPONENT_PROPS.get('Predict')).toContain('answer');
  });
  it.each([
    ['<Terminal scenaro="laptop" />', 'c.mdx:1: <Terminal> has no prop "scenaro"'],
    ['x\n<Cmd term="main">ls</Cmd>', 'c.mdx:2: <Cmd> has no prop "term"'],
    ['<Aside kind="tip"\n  titel="T">x</Aside>', 'c.mdx:2: <Aside> has no prop "titel"'],
  ])('%s fails naming file, line and prop', (src, msg) => {
    expect(() => checkPropNames('c.mdx', src)).toThrow(msg);
  });
});

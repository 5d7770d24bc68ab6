/** A chapter naming a scenario the model lacks fails with file and line (issue 8, "Writers"). */
import { describe, expect, it } from 'vitest';
import { checkScenarios, scenarioUses } from './scenarios.ts';
import { SCENARIO_NAMES } from '../model/world/scenarios.ts';

const mdx = `---
title: x
---
Some text with scenario="nope" outside a tag.

<Terminal id="main" scenario="laptop" />

<Claim id="a" scenario="labtop"
  run={\`echo hi > /tmp/x\`} title="a > b" scenario2="x">
hi
</Claim>
<Terminal
  scenario={'server'} />
<Claim id="b" run={\`echo 1 > /x\`}
  scenario="xen-host">
`;

describe('scenarioUses', () => {
  it('finds the prop in tags only, with the line it is on', () => {
    expect(scenarioUses(mdx)).toEqual([
      { component: 'Terminal', scenario: 'laptop', line: 6 },
      { component: 'Claim', scenario: 'labtop', line: 8 },
      { component: 'Terminal', scenario: 'server', line: 13 },
      { component: 'Claim', scenario: 'xen-host', line: 15 },
    ]);
  });
});

describe('checkScenarios', () => {
  it('accepts the scenarios the model defines', () => {
    expect(SCENARIO_NAMES).toContain('laptop');
    expect(() => checkScenarios('c.mdx', '<Terminal scenario="laptop" />')).not.toThrow();
  });
  it.each([
    ['a misspelt name', mdx, 'c.mdx:8: <Claim> scenario "labtop"'],
    ['an expression', '<Terminal scenario={name} />', 'c.mdx:1: <Terminal> scenario "{name}"'],
  ])('fails on %s, naming file and line', (_n, src, msg) => {
    expect(() => checkScenarios('c.mdx', src)).toThrow(msg);
  });
});

describe('<Terminal>/<Claim> props', () => {
  it.each(['nope', 'labtop'])('reject scenario "%s" naming the known ones', async (scenario) => {
    const { parseProps, terminalPropsSchema } = await import('./props.ts');
    expect(() => parseProps('Terminal', terminalPropsSchema, { scenario })).toThrow(`unknown scenario "${scenario}" (known: ${SCENARIO_NAMES.join(', ')}`);
  });
});

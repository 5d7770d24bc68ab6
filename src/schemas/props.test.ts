// Component props fail the build with the component and the prop named (as Starlight's parseWithFriendlyErrors does).
import { describe, expect, it } from 'vitest';
import { claimPropsSchema, cmdPropsSchema, layerDiagramPropsSchema, parseProps, terminalPropsSchema } from './props.ts';

const claim = { id: 'shared-disk', scenario: 'laptop', run: 'docker ps', check: 'true', sources: ['facts-3-3'] };

describe('parseProps', () => {
  it('returns the parsed props with defaults', () => {
    expect(parseProps('Terminal', terminalPropsSchema, { scenario: 'laptop' })).toEqual({ id: 'main', scenario: 'laptop' });
    expect(parseProps('Claim', claimPropsSchema, claim)).toEqual(claim);
  });

  it("ignores Astro's style-scoping attribute", () => {
    expect(parseProps('Cmd', cmdPropsSchema, { 'data-astro-cid-abc123': true })).toEqual({});
  });

  it('names the page when given', () => {
    expect(() => parseProps('Claim id="x"', claimPropsSchema, { ...claim, check: '' }, '/layered-images/')).toThrow(
      'Invalid props passed to <Claim id="x"> on /layered-images/:\n  - check: must hold at least one command',
    );
  });

  it.each([
    ['Claim', claimPropsSchema, { ...claim, id: 'Shared Disk' }, 'id: must be kebab-case'],
    ['Claim', claimPropsSchema, { ...claim, run: '  \n ' }, 'run: must hold at least one command'],
    ['Claim', claimPropsSchema, { ...claim, sources: [] }, 'sources: cite at least one source id'],
    ['Claim', claimPropsSchema, { ...claim, scenario: undefined }, 'scenario:'],
    ['Claim', claimPropsSchema, { ...claim, sorces: ['x'] }, 'Unrecognized key: "sorces"'],
    ['Terminal', terminalPropsSchema, { scenario: 'Laptop!' }, 'scenario: must be a scenario name'],
    ['LayerDiagram', layerDiagramPropsSchema, { id: 'x', title: 't', layers: [] }, 'layers: give at least one layer'],
    ['LayerDiagram', layerDiagramPropsSchema, { id: 'x', title: 't', layers: [{ name: 'a', kind: 'image', entries: [{ path: 'etc' }] }] }, 'layers.0.entries.0.path: must be an absolute path'],
  ])('<%s> with a bad prop names it', (name, schema, props, message) => {
    expect(() => parseProps(name, schema, props)).toThrow(`Invalid props passed to <${name}>:`);
    expect(() => parseProps(name, schema, props)).toThrow(message);
  });
});

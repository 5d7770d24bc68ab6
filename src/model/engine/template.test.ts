import { describe, expect, it } from 'vitest';
import { render, TemplateError } from './template.ts';

// Go text/template as docker/cli uses it (docs: "Format command and log output").
const data = { Id: 'abc', State: { Pid: 42, Running: true, Status: 'running' }, Config: { Env: ['A=1', 'B=2'], Labels: { k: 'v' } }, Name: '/c1' };

describe('render (Go text/template subset)', () => {
  it.each([
    ['{{.State.Pid}}', '42'],
    ['{{.State.Running}}', 'true'],
    ['pid={{ .State.Pid }}!', 'pid=42!'],
    ['{{json .State}}', '{"Pid":42,"Running":true,"Status":"running"}'],
    ['{{.Config.Env}}', '[A=1 B=2]'],
    ['{{.Config.Labels}}', 'map[k:v]'],
    ['{{index .Config.Labels "k"}}', 'v'],
    ['{{join .Config.Env ","}}', 'A=1,B=2'],
    ['{{upper .Name}}', '/C1'],
    ['{{len .Config.Env}}', '2'],
    ['{{index .Config.Env 1}}', 'B=2'],
    ['{{.Nope}}', '<no value>'],
  ])('%s → %s', (t, out) => expect(render(t, data)).toBe(out));
  it('unknown function is an error', () => expect(() => render('{{foo .X}}', data)).toThrow(TemplateError));
});

// <Compare>: both scripts as static code (no JS needed) and a table of what the
// build measured running each in a fresh laptop world; bad props and failing
// scripts stop the build with a message naming them.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Compare from './Compare.astro';

let container: AstroContainer;
beforeAll(async () => { container = await AstroContainer.create(); });
const render = async (props: Record<string, unknown>): Promise<string> =>
  (await container.renderToString(Compare, { props })).replace(/ data-astro-cid-\w+(="true")?/g, '');

const ok = {
  title: 'One service',
  container: '\ndocker pull -q alpine\ndocker run -d --name web alpine sleep 1d\n',
  vm: 'vm create web --linked\nvm start web -q',
  id: 'one',
};

describe('<Compare>', () => {
  it('renders both scripts as code and the measured table', async () => {
    const html = await render(ok);
    expect(html).toContain('<figure class="compare" id="compare-one"><figcaption class="title">One service</figcaption>');
    expect(html).toContain('<pre class="script" tabindex="0"><code>docker pull -q alpine\ndocker run -d --name web alpine sleep 1d</code></pre>');
    expect(html).toContain('<pre class="script" tabindex="0"><code>vm create web --linked\nvm start web -q</code></pre>');
    expect(html).toMatch(/<th scope="row">Time taken <span class="how">\(virtual time, as time reports it\)<\/span><\/th><td>[0-9.]+ (ms|s)<\/td><td>1 min 12.1 s<\/td>/);
    expect(html).toMatch(/<th scope="row">Host memory used[^]*?<td>\+\d MiB<\/td><td>\+2,1\d\d MiB<\/td>/);
    expect(html).toContain('web: booted in 1min 12.108s');
  });
  it.each([
    [{ ...ok, vm: '  ' }, /<Compare>[\s\S]*vm: must hold at least one command/],
    [{ title: 'x', container: 'true' }, /<Compare>[\s\S]*vm: /],
    [{ ...ok, scenario: 'laptop' }, /<Compare>[\s\S]*scenario/],
    [{ ...ok, vm: 'vm start nosuch' }, /<Compare title="One service">.*the vm side failed: script: `vm start nosuch` exited/],
  ])('rejects bad input with a clear message (%#)', async (props, message) => {
    await expect(render(props)).rejects.toThrow(message);
  });
});

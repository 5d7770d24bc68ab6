// <Chart>: bars measured from the model at build time, readable without colour
// (each bar's value written as text) and with a table as the text version.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Chart from './Chart.astro';

let container: AstroContainer;
beforeAll(async () => { container = await AstroContainer.create(); });
const render = async (props: Record<string, unknown>): Promise<string> =>
  (await container.renderToString(Chart, { props })).replace(/ data-astro-cid-\w+(="true")?/g, '');

describe('<Chart>', () => {
  it('startup: an SVG image with a title and description, each bar labelled with its measured value', async () => {
    const html = await render({ kind: 'startup', caption: 'Starting one of each' });
    expect(html).toContain('<figure class="chart" id="chart-startup">');
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-startup-title chart-startup-desc"/);
    expect(html).toContain('Full VM (QEMU, Ubuntu 24.04): 1 min 12.1 s');
    expect(html).toContain('>137 ms</text>');
    expect(html).toContain('<summary>The numbers as a table</summary>');
    expect(html).toContain('<td><code>docker run --rm alpine true</code></td>');
  });
  it('density: one group per N, three bars each, and a table row per N', async () => {
    const html = await render({ kind: 'density', caption: 'Memory', id: 'fit' });
    expect(html).toContain('id="chart-fit"');
    expect(html.match(/<text class="group"/g)).toHaveLength(4);
    expect(html.match(/<g class="bar">/g)).toHaveLength(12);
    expect(html).toMatch(/<tr><th scope="row">6<\/th><td>\+12 MiB<\/td><td>\+798 MiB<\/td><td>\+13,074 MiB<\/td><\/tr>/);
  });
  it.each([
    [{ kind: 'boot', caption: 'x' }, /<Chart>[\s\S]*kind: /],
    [{ kind: 'startup' }, /<Chart>[\s\S]*caption: /],
    [{ kind: 'startup', caption: 'x', colour: 'red' }, /<Chart>[\s\S]*colour/],
  ])('rejects %j naming the prop', async (props, message) => {
    await expect(render(props)).rejects.toThrow(message);
  });
});

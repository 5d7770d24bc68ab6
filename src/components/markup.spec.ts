// The markup contract between the site and the terminal (/work/brief/markup.md):
// what <Terminal>, <Cmd> and <Claim> render server-side, which the custom
// elements in src/terminal/elements upgrade. Plus the other writer components
// and their prop errors. Rendered with Astro's container API.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Aside from './Aside.astro';
import Claim from './Claim.astro';
import Cmd from './Cmd.astro';
import Figure from './Figure.astro';
import LayerDiagram from './LayerDiagram.astro';
import Terminal from './Terminal.astro';

let container: AstroContainer;
beforeAll(async () => { container = await AstroContainer.create(); });

/** Rendered HTML without Astro's scoping attributes and hoisted script tags. */
async function render(component: Parameters<AstroContainer['renderToString']>[0], options: Parameters<AstroContainer['renderToString']>[1] = {}): Promise<string> {
  const html = await container.renderToString(component, options);
  return html.replace(/ data-astro-cid-\w+(="true")?/g, '').replace(/<script[^>]*><\/script>/g, '');
}

const claimProps = {
  id: 'shared-disk',
  scenario: 'laptop',
  run: `
    docker images
    docker system df`,
  check: `docker ps -q | wc -l`,
  sources: ['facts-3-3', 'qemu-img'],
  title: 'One image, a thousand containers',
};
const locals = { chapterSources: [{ id: 'facts-3-3', title: 'overlay2 layout' }, { id: 'qemu-img', title: 'qemu-img', url: 'https://www.qemu.org/docs/master/tools/qemu-img.html' }] };

describe('<Terminal>', () => {
  it('renders <sim-terminal> with a static figure and a Start button', async () => {
    const html = await render(Terminal, { props: { id: 'main', scenario: 'laptop', caption: 'A laptop' } });
    expect(html).toMatch(/^<sim-terminal id="terminal-main" data-terminal-id="main" data-scenario="laptop"><figure class="terminal-static">/);
    expect(html).toContain('<figcaption>A laptop</figcaption>');
    expect(html).toContain('<code>laptop</code>');
    expect(html).toContain('<button type="button" data-action="start">Start the terminal</button>');
    expect(html).toMatch(/<\/figure><\/sim-terminal>$/);
  });
  it('defaults the id to "main"', async () => {
    expect(await render(Terminal, { props: { scenario: 'laptop' } })).toContain('id="terminal-main" data-terminal-id="main"');
  });
});

describe('<Cmd>', () => {
  it.each([
    [{}, 'docker ps -a', '<sim-cmd><code>docker ps -a</code><button type="button" data-action="run" aria-label="Run in terminal: docker ps -a">Run</button></sim-cmd>'],
    [{ terminal: 'side' }, 'ls', '<sim-cmd data-terminal="side"><code>ls</code><button type="button" data-action="run" aria-label="Run in terminal: ls">Run</button></sim-cmd>'],
    [{}, `docker inspect -f '{{.Id}}' c1 &amp;&amp; echo "a  b"`, `<sim-cmd><code>docker inspect -f &#39;{{.Id}}&#39; c1 &amp;&amp; echo &quot;a  b&quot;</code><button type="button" data-action="run" aria-label="Run in terminal: docker inspect -f '{{.Id}}' c1 &amp;&amp; echo &quot;a  b&quot;">Run</button></sim-cmd>`],
    [{}, '<p>docker run\n  --rm alpine</p>\n', '<sim-cmd><code>docker run --rm alpine</code><button type="button" data-action="run" aria-label="Run in terminal: docker run --rm alpine">Run</button></sim-cmd>'],
  ])('%o %s', async (props, text, html) => {
    expect(await render(Cmd, { props, slots: { default: text } })).toBe(html);
  });
});

describe('<Claim>', () => {
  let html = '';
  beforeAll(async () => { html = await render(Claim, { props: claimProps, locals, slots: { default: '<p>Statement.</p>' } }); });

  it('is a section with the permalink anchor', () => {
    expect(html).toMatch(/^<section class="claim" id="claim-shared-disk" aria-labelledby="claim-shared-disk-title">/);
    expect(html).toContain('<a class="claim-permalink" href="#claim-shared-disk"');
    expect(html).toContain('<strong class="claim-title" id="claim-shared-disk-title">One image, a thousand containers</strong>');
    expect(html).toContain('<div class="claim-statement"><p>Statement.</p></div>');
  });
  it('links its sources to the chapter list by title', () => {
    expect(html).toContain('<a href="#source-facts-3-3">overlay2 layout</a>; <a href="#source-qemu-img">qemu-img</a>');
  });
  it('shows the dedented run script and hands it to <sim-claim>', () => {
    expect(html).toContain('<pre class="plain claim-run" tabindex="0"><code>docker images\ndocker system df</code></pre>');
    expect(html).toContain('<sim-claim data-claim-id="shared-disk" data-scenario="laptop" data-run="docker images\ndocker system df"><button type="button" data-action="reproduce"');
    expect(html).toContain('<div data-terminal-slot></div></sim-claim>');
  });
  it('does not show the check script', () => {
    expect(html).not.toContain('wc -l');
  });
  it.each([
    [{ ...claimProps, sources: ['nope'] }, 'Invalid props passed to <Claim id="shared-disk">', '"nope" is not in this chapter\'s frontmatter sources'],
    [{ ...claimProps, scenario: undefined }, 'Invalid props passed to <Claim id="shared-disk">', 'scenario:'],
    [{ ...claimProps, run: ' ' }, 'Invalid props passed to <Claim id="shared-disk">', 'run: must hold at least one command'],
  ])('fails with the prop named: %#', async (props, head, detail) => {
    const rendering = render(Claim, { props, locals, slots: { default: 's' } });
    await expect(rendering).rejects.toThrow(head);
    await expect(render(Claim, { props, locals, slots: { default: 's' } })).rejects.toThrow(detail);
  });
});

describe('<Aside>, <Figure>, <LayerDiagram>', () => {
  it.each([
    [{}, 'class="aside aside-note" role="note" aria-label="Note"', '<p class="aside-title">Note</p>'],
    [{ kind: 'folklore', title: 'Docker uses AUFS' }, 'aria-label="Docker uses AUFS"', '<span class="aside-kind">Folklore check: </span>Docker uses AUFS'],
  ])('Aside %o', async (props, attrs, title) => {
    const html = await render(Aside, { props, slots: { default: 'x' } });
    expect(html).toContain(attrs);
    expect(html).toContain(title);
  });

  it('Figure wraps its content with a caption', async () => {
    expect(await render(Figure, { props: { caption: 'C', id: 'f' }, slots: { default: 'X' } })).toBe(
      '<figure class="figure" id="figure-f">X<figcaption>C</figcaption></figure>',
    );
  });

  it('LayerDiagram is an image with a title, a description and a text version', async () => {
    const html = await render(LayerDiagram, {
      props: {
        id: 'd', title: 'Stack', layers: [
          { name: 'c1', kind: 'container', entries: [{ path: '/etc/motd', type: 'whiteout' }] },
          { name: 'alpine', kind: 'image', entries: [{ path: '/etc/motd' }] },
        ],
      },
    });
    expect(html).toContain('role="img" aria-labelledby="layers-d-title layers-d-desc"');
    expect(html).toContain('<title id="layers-d-title">Stack</title>');
    expect(html).toMatch(/<desc id="layers-d-desc">[^<]*\/etc\/motd: not visible \(whited out\)/);
    expect(html).toContain('<summary>Text version of this diagram</summary>');
    expect(html).toContain('<td>whiteout c 0/0</td>');
  });

  it('LayerDiagram rejects a relative path', async () => {
    await expect(render(LayerDiagram, { props: { id: 'd', title: 'T', layers: [{ name: 'a', kind: 'image', entries: [{ path: 'etc' }] }] } }))
      .rejects.toThrow('layers.0.entries.0.path: must be an absolute path');
  });
});

describe('<Predict>', () => {
  const props = { id: 'p', question: 'Q?', options: ['a', 'b', 'c'], answer: 2, run: 'docker diff c1' };
  it('renders a form with radio options, the answer in <details> and the command as a <Cmd>', async () => {
    const html = await (async () => {
      const { default: Predict } = await import('./Predict.astro');
      return render(Predict, { props, slots: { default: 'Because.' } });
    })();
    expect(html).toContain('<form class="predict" id="predict-p" data-answer="2" aria-labelledby="predict-p-q">');
    expect(html.match(/<input type="radio" name="predict-p"/g)).toHaveLength(3);
    expect(html).toContain('<p><strong>Answer:</strong> c</p>');
    expect(html).toContain('<sim-cmd><code>docker diff c1</code>');
  });
  it.each([
    [{ ...props, answer: 3 }, 'answer: must be the index (from 0) of one of the options'],
    [{ ...props, options: ['a'] }, 'options: give at least two options'],
  ])('rejects bad props: %#', async (bad, message) => {
    const { default: Predict } = await import('./Predict.astro');
    await expect(render(Predict, { props: bad, slots: { default: 'x' } })).rejects.toThrow(message);
  });
});

// Site configuration. `site` is a placeholder domain until the real one is
// chosen (used for canonical URLs and, later, the sitemap).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Cross-origin isolation (COOP + COEP) for the Lab page only (its WebContainer
// needs SharedArrayBuffer). Astro's `server.headers` are global, and `astro
// preview` drops user Vite plugins, but it keeps `vite.preview.proxy`: a proxy
// rule whose `bypass` sets the headers and lets the request through to the
// static files (Vite docs, server.proxy "bypass"). The target is never used.
// Scripts also get COEP: a cross-origin isolated page may only start a Web
// Worker (the terminal's) whose script response carries COEP itself; on other
// pages it changes nothing. Static hosts: public/_headers (src/site/csp.ts).
const labIsolation = {
  '^/(lab(/.*)?|_astro/.*\\.js|.*[?&]worker_file.*)$': {
    target: 'http://127.0.0.1:9',
    bypass(req, res) {
      if (/^\/lab(\/|$)/.test(req.url)) res?.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res?.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      return req.url;
    },
  },
};

export default defineConfig({
  site: 'https://containers-vs-vms.example',
  // Every page is a directory (`/layered-images/`) and every link and canonical
  // URL ends in "/". 'ignore' (not 'always') so that `astro preview` and dev
  // still serve a hand-typed /layered-images instead of a trailing-slash error.
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Smart punctuation off: commands written in <Cmd> children must reach the
  // terminal exactly as typed ("--name", straight quotes), not as – and “ ”.
  integrations: [mdx({ smartypants: false })],
  markdown: {
    shikiConfig: {
      // Both themes pass WCAG AA (4.5:1) for every token they colour in our
      // code samples: src/styles/code-contrast.test.ts checks it.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
    },
  },
  vite: {
    server: { proxy: labIsolation },
    preview: { proxy: labIsolation },
    build: {
      // Never inline bundled scripts into the HTML: the Content-Security-Policy
      // (src/site/csp.ts) allows scripts from files and a few hashed inline ones
      // only. Other assets keep Vite's default 4 KB inlining limit.
      assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined),
    },
  },
  devToolbar: { enabled: false },
});

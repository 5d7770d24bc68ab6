// Site configuration. `site` is a placeholder domain until the real one is
// chosen (used for canonical URLs and, later, the sitemap).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

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
  // server.headers: the Lab page (issue 8) will add its cross-origin isolation headers here.
  devToolbar: { enabled: false },
});

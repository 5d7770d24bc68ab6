/**
 * Registers the service worker (dist/sw.js, src/site/sw/) once the page has
 * loaded, so the site works offline after the first visit. Built sites only:
 * `astro dev` has no sw.js. Embeds (EmbedLayout) do not register it.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  }, { once: true });
}

/**
 * <site-search> — full-text search over the built site with Pagefind's JS API
 * (https://pagefind.app/docs/api/): the index (dist/pagefind/, written by
 * `pagefind --site dist` after `astro build`) is fetched from the site itself
 * only when the reader searches, so it works offline once cached and sends
 * nothing to another origin.
 *
 * Markup (src/components/site/Search.astro): a [data-open] button and a
 * <dialog> holding a form with an <input type=search>, a [data-status] live
 * region and a [data-results] list; or, with data-inline, the form alone on
 * the page (the 404 page). Keyboard: "/" opens the search from anywhere but a
 * text field or a terminal; Escape closes it (native <dialog>).
 */
import { excerptRuns } from './excerpt.ts';

interface PagefindResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, o?: unknown, ms?: number): Promise<PagefindSearch | null>;
  search(q: string): Promise<PagefindSearch | null>;
}

const INDEX_URL = '/pagefind/pagefind.js';
const MAX_RESULTS = 8;
let pagefind: Promise<Pagefind> | undefined;

/** Load Pagefind once per page (a module from this site, never bundled by Vite). */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ INDEX_URL) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    await pf.init();
    return pf;
  });
  pagefind.catch(() => { pagefind = undefined; });
  return pagefind;
}

/** Is the key press meant for a text field or a terminal, not for the page? */
function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return Boolean(el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], sim-terminal, sim-claim, .xterm'));
}

export class SiteSearch extends HTMLElement {
  #input?: HTMLInputElement;
  #status?: HTMLElement;
  #results?: HTMLElement;
  #dialog?: HTMLDialogElement | null;
  #query = 0;

  connectedCallback(): void {
    this.#input = this.querySelector('input[type=search]') ?? undefined;
    this.#status = this.querySelector<HTMLElement>('[data-status]') ?? undefined;
    this.#results = this.querySelector<HTMLElement>('[data-results]') ?? undefined;
    this.#dialog = this.querySelector('dialog');
    const open = this.querySelector<HTMLButtonElement>('[data-open]');
    if (!this.#input || !this.#results) return;
    this.querySelector('form')?.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#results?.querySelector<HTMLAnchorElement>('a')?.click();
    });
    this.#input.addEventListener('input', () => void this.#search(this.#input!.value));
    // Down/Up move between the search box and the result links (WAI-ARIA APG: listbox-like keys).
    this.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const stops = [this.#input!, ...this.#results!.querySelectorAll<HTMLAnchorElement>('a')];
      const at = stops.indexOf(document.activeElement as HTMLInputElement);
      if (at < 0 || stops.length < 2) return;
      e.preventDefault();
      stops[Math.max(0, Math.min(stops.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
    });
    this.#input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
    this.querySelector('[data-close]')?.addEventListener('click', () => this.#dialog?.close());
    this.#dialog?.addEventListener('click', (e) => { if (e.target === this.#dialog) this.#dialog?.close(); });
    if (open) {
      open.hidden = false;
      open.addEventListener('click', () => this.open());
      document.addEventListener('keydown', (e) => {
        if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || this.#dialog?.open || typingInto(e.target)) return;
        e.preventDefault();
        this.open();
      });
    }
    if (this.hasAttribute('data-inline')) {
      const q = new URLSearchParams(location.search).get('q') ?? wordsOf(location.pathname);
      if (q) { this.#input.value = q.slice(0, 200); void this.#search(this.#input.value); }
    }
  }

  /** Open the search dialog with the query selected. */
  open(): void {
    if (this.#dialog && !this.#dialog.open) this.#dialog.showModal();
    this.#input?.focus();
    this.#input?.select();
  }

  async #search(query: string): Promise<void> {
    const id = ++this.#query;
    const q = query.trim();
    if (!q) { this.#show(id, [], ''); return; }
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch {
      this.#say(id, 'Search is not available: the index was not found (it is built by npm run build).');
      return;
    }
    const found = await pf.debouncedSearch(q, {}, 150);
    if (found === null || id !== this.#query) return;
    let results = found.results;
    // Pagefind wants every word; a misspelt one ("layerd images") finds nothing.
    // With few hits, also show pages matching any single word.
    const words = q.split(/\s+/).filter((w) => w.length > 2);
    if (results.length < 3 && words.length > 1) {
      for (const w of words) {
        const more = await pf.search(w);
        if (id !== this.#query) return;
        results = [...results, ...(more?.results ?? [])];
      }
      const seen = new Set<string>();
      results = results.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
    }
    const data = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
    this.#show(id, data, q, results.length);
  }

  #say(id: number, text: string): void {
    if (id === this.#query && this.#status) this.#status.textContent = text;
  }

  #show(id: number, data: PagefindResultData[], q: string, total = 0): void {
    if (id !== this.#query || !this.#results) return;
    this.#results.replaceChildren(...data.map((d) => this.#item(d)));
    this.#say(id, q ? (total === 0 ? `No results for “${q}”.` : `${total} page${total === 1 ? '' : 's'} found${total > MAX_RESULTS ? `, showing ${MAX_RESULTS}` : ''}.`) : '');
  }

  #item(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = safeHref(d.sub_results?.[0]?.url ?? d.url);
    const title = document.createElement('span');
    title.className = 'search-title';
    title.textContent = d.meta.title ?? d.url;
    const excerpt = document.createElement('span');
    excerpt.className = 'search-excerpt';
    for (const run of excerptRuns(d.sub_results?.[0]?.excerpt ?? d.excerpt)) {
      if (run.mark) { const m = document.createElement('mark'); m.textContent = run.text; excerpt.append(m); }
      else excerpt.append(run.text);
    }
    a.append(title, excerpt);
    a.addEventListener('click', () => this.#dialog?.close());
    li.append(a);
    return li;
  }
}

/** The words of a missing page's path, as a first query on the 404 page: "/layerd-images/" → "layerd images". */
export function wordsOf(pathname: string): string {
  let p = pathname;
  try { p = decodeURIComponent(pathname); } catch { /* keep it encoded */ }
  return p.replace(/\.html?$/i, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && w !== '404').join(' ');
}

/** Results only ever link inside this site. */
function safeHref(url: string): string {
  try {
    const u = new URL(url, location.origin);
    return u.origin === location.origin ? u.pathname + u.hash : '/';
  } catch {
    return '/';
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);

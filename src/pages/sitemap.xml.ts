/** /sitemap.xml (sitemaps.org protocol 0.9): the home page and every published chapter. */
import type { APIRoute } from 'astro';
import { chapterHref, getBook } from '../layouts/book.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async ({ site }) => {
  const paths = ['/', ...(await getBook()).map(chapterHref), '/writing/', '/lab/'];
  const urls = paths.map((p) => `  <url><loc>${escape(new URL(p, site).href)}</loc></url>`).join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

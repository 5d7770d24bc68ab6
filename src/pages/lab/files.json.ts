/**
 * /lab/files.json: the WebContainer FileSystemTree the Lab page mounts
 * (src/site/lab/tree.ts), generated at build time from the repository's own
 * src/model, src/shell and src/cli. Fetched only after the reader starts the sandbox.
 */
import type { APIRoute } from 'astro';
import { labTree } from '../../site/lab/tree.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await labTree(process.cwd())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

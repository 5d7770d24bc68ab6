/**
 * POSIX path strings, lexically (no filesystem access): what path_resolution(7)
 * does to "." and "//", and what dirname(1)/basename(1) print. Resolving ".."
 * through symlinks is the VFS's job; here ".." simply drops a component, as
 * realpath(1) -s / Node's path.posix do.
 */

/** Collapse "//" and ".", resolve ".." lexically; keeps a trailing-slash-free result ("" → "."). */
export function normalize(p: string): string {
  const absolute = p.startsWith('/');
  if (absolute && isCanonical(p)) return p;
  const body = lexicalParts(p, absolute).join('/');
  if (absolute) return '/' + body;
  return body === '' ? '.' : body;
}

/** The components normalize() keeps, in order ("." and "" dropped, ".." applied lexically). */
function lexicalParts(p: string, absolute: boolean): string[] {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  return out;
}

/** Join components with "/" and normalize, like path.posix.join. */
export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((x) => x !== '');
  return nonEmpty.length === 0 ? '.' : normalize(nonEmpty.join('/'));
}

/** dirname(1): "/a/b/" → "/a", "a" → ".", "/" → "/". */
export function dirname(p: string): string {
  if (p === '') return '.';
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const slash = p.lastIndexOf('/', end - 1);
  if (slash < 0) return '.';
  let d = slash;
  while (d > 0 && p[d - 1] === '/') d--;
  return d === 0 ? '/' : p.slice(0, d);
}

/** basename(1): "/a/b/" → "b", "/" → "/", "" → "". */
export function basename(p: string): string {
  if (p === '') return '';
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  if (end === 1 && p[0] === '/') return '/';
  const slash = p.lastIndexOf('/', end - 1);
  return p.slice(slash + 1, end);
}

/** Components of a path: "/usr/bin/" → ["usr", "bin"], "/" → []. Normalizes first. */
export function splitPath(p: string): string[] {
  return lexicalParts(p, p.startsWith('/'));
}

/** An absolute normalized path for `p` seen from working directory `cwd` (path_resolution(7), lexically). */
export function resolvePath(cwd: string, p: string): string {
  return normalize(p.startsWith('/') ? p : `${cwd}/${p}`);
}

/** Is `p` already absolute and normalized ("/", or "/a/b" without "//", ".", ".." or a trailing "/")? */
export function isCanonical(p: string): boolean {
  if (p === '/') return true;
  if (p.charCodeAt(0) !== 47 || p.charCodeAt(p.length - 1) === 47) return false;
  // No empty, "." or ".." component: scan once instead of includes + a regex (this runs on every lookup).
  for (let i = 0; i < p.length; i++) {
    if (p.charCodeAt(i) !== 47) continue;
    const a = p.charCodeAt(i + 1);
    if (a === 47) return false;
    if (a !== 46) continue;
    const b = p.charCodeAt(i + 2);
    if (b === 47 || Number.isNaN(b)) return false;
    if (b === 46) {
      const c = p.charCodeAt(i + 3);
      if (c === 47 || Number.isNaN(c)) return false;
    }
  }
  return true;
}

/** `p` as an absolute normalized path; a relative one is taken from "/" (what the FileSystem contract expects). */
export function canonical(p: string): string {
  return isCanonical(p) ? p : normalize('/' + p);
}

/** Parent and last component of an absolute normalized path: "/a/b" → ["/a", "b"]; "/" → ["/", ""]. */
export function splitParent(p: string): [string, string] {
  if (p === '/') return ['/', ''];
  const i = p.lastIndexOf('/');
  return [i === 0 ? '/' : p.slice(0, i), p.slice(i + 1)];
}

/** Is `p` equal to `dir` or inside it? Both absolute and normalized. */
export function isWithin(dir: string, p: string): boolean {
  return dir === '/' || p === dir || p.startsWith(dir + '/');
}

/** Bytewise order of UTF-8 names (strcmp(3), what `ls` in the C locale sorts by): code point order. */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

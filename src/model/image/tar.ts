/**
 * A small synchronous, deterministic tar writer and reader: POSIX.1-2001
 * ustar headers with PAX extended headers for long names, long link targets,
 * big numbers and xattrs (`SCHILY.xattr.<name>`), as Go's archive/tar writes
 * them for moby's layer tars (tar(5), pax(1) "pax Header Block", facts §2.1).
 * Virtual file data (fs/data.ts) is streamed in chunks straight into the sink,
 * so a gigabyte layer can be hashed without being materialised.
 */
import type { FileData } from '../fs/data.ts';
import { dataSize, isVirtual, slice } from '../fs/data.ts';

/** Entry kinds a layer tar may hold (image-spec layer.md §File Types). */
export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'blockdev' | 'fifo';

/** One archive member. Paths are relative to the archive root, without "./" or a trailing "/". */
export interface TarEntry {
  readonly path: string;
  readonly type: TarType;
  /** Permission bits including setuid/setgid/sticky (mode & 0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly uname?: string;
  readonly gname?: string;
  /** Seconds since the Unix epoch (tar keeps whole seconds). */
  readonly mtime: number;
  /** Content of a regular file (virtual data is generated while writing). */
  readonly data?: FileData;
  /** Symlink target, or the archive path a hard link points at. */
  readonly linkname?: string;
  readonly devmajor?: number;
  readonly devminor?: number;
  readonly xattrs?: Readonly<Record<string, string>>;
}

const BLOCK = 512;
const CHUNK = 1 << 20;
const TYPEFLAG: Record<TarType, string> = { file: '0', hardlink: '1', symlink: '2', chardev: '3', blockdev: '4', dir: '5', fifo: '6' };
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Compare archive paths component by component: a directory comes right before its children (filepath.Walk order). */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** Entries in walk order (parents first, siblings by byte order). */
export function sortEntries(entries: readonly TarEntry[]): TarEntry[] {
  return [...entries].sort((a, b) => comparePaths(a.path, b.path));
}

function headerName(e: TarEntry): string {
  return e.type === 'dir' ? `${e.path}/` : e.path;
}

function octalFits(n: number, width: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 8 ** (width - 1);
}

function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** Split a long name into ustar prefix (≤155) and name (≤100) at a "/", as Go's splitUSTARPath does. */
function splitUstar(name: string): [string, string] | undefined {
  const b = enc.encode(name);
  if (b.length <= 100) return ['', name];
  if (!isAscii(name)) return undefined;
  for (let i = Math.min(name.length - 1, 155); i > 0; i--) {
    if (name[i] === '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) return [name.slice(0, i), name.slice(i + 1)];
  }
  return undefined;
}

/** PAX records this entry needs (key → value), sorted by key like Go's writer. */
function paxRecords(e: TarEntry): Array<[string, string]> {
  const rec: Array<[string, string]> = [];
  const name = headerName(e);
  if (!isAscii(name) || !splitUstar(name)) rec.push(['path', name]);
  const link = e.linkname ?? '';
  if (!isAscii(link) || enc.encode(link).length > 100) rec.push(['linkpath', link]);
  const size = e.type === 'file' && e.data ? dataSize(e.data) : 0;
  if (!octalFits(size, 12)) rec.push(['size', String(size)]);
  if (!octalFits(e.uid, 8)) rec.push(['uid', String(e.uid)]);
  if (!octalFits(e.gid, 8)) rec.push(['gid', String(e.gid)]);
  if (!octalFits(e.mtime, 12)) rec.push(['mtime', String(e.mtime)]);
  if (e.uname && (!isAscii(e.uname) || e.uname.length > 32)) rec.push(['uname', e.uname]);
  if (e.gname && (!isAscii(e.gname) || e.gname.length > 32)) rec.push(['gname', e.gname]);
  for (const [k, v] of Object.entries(e.xattrs ?? {})) rec.push([`SCHILY.xattr.${k}`, v]);
  return rec.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** One PAX record "<len> key=value\n" where len counts itself (pax(1)). */
function paxLine(k: string, v: string): string {
  const body = ` ${k}=${v}\n`;
  const n = enc.encode(body).length;
  let len = n + String(n).length;
  if (String(len).length !== String(n).length) len = n + String(len).length;
  return `${len}${body}`;
}

function putString(h: Uint8Array, off: number, width: number, s: string): void {
  const b = enc.encode(s);
  h.set(b.subarray(0, width), off);
}

function putOctal(h: Uint8Array, off: number, width: number, n: number): void {
  const v = octalFits(n, width) ? n : 0;
  putString(h, off, width, v.toString(8).padStart(width - 1, '0'));
}

interface Raw {
  name: string; type: string; mode: number; uid: number; gid: number; size: number; mtime: number;
  linkname: string; uname: string; gname: string; devmajor: number; devminor: number;
}

function ustarHeader(r: Raw): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const split = splitUstar(r.name) ?? ['', r.name.slice(0, 100)];
  putString(h, 0, 100, split[1]);
  putOctal(h, 100, 8, r.mode);
  putOctal(h, 108, 8, r.uid);
  putOctal(h, 116, 8, r.gid);
  putOctal(h, 124, 12, r.size);
  putOctal(h, 136, 12, r.mtime);
  h.fill(0x20, 148, 156);
  putString(h, 156, 1, r.type);
  putString(h, 157, 100, r.linkname);
  putString(h, 257, 6, 'ustar\0');
  putString(h, 263, 2, '00');
  putString(h, 265, 32, r.uname);
  putString(h, 297, 32, r.gname);
  putOctal(h, 329, 8, r.devmajor);
  putOctal(h, 337, 8, r.devminor);
  putString(h, 345, 155, split[0]);
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

function padding(n: number): number {
  return (BLOCK - (n % BLOCK)) % BLOCK;
}

/** Exact archive size in bytes, computed without writing anything. */
export function tarSize(entries: readonly TarEntry[]): number {
  let total = 2 * BLOCK;
  for (const e of entries) {
    const rec = paxRecords(e);
    if (rec.length) {
      const n = enc.encode(rec.map(([k, v]) => paxLine(k, v)).join('')).length;
      total += BLOCK + n + padding(n);
    }
    const size = e.type === 'file' && e.data ? dataSize(e.data) : 0;
    total += BLOCK + size + padding(size);
  }
  return total;
}

/** Stream the archive into `sink` (entries as given; call sortEntries first for a canonical layer). Returns bytes written. */
export function writeTar(entries: readonly TarEntry[], sink: (chunk: Uint8Array) => void): number {
  let written = 0;
  const out = (b: Uint8Array): void => { sink(b); written += b.length; };
  for (const e of entries) {
    const name = headerName(e);
    const size = e.type === 'file' && e.data ? dataSize(e.data) : 0;
    const rec = paxRecords(e);
    if (rec.length) {
      const body = enc.encode(rec.map(([k, v]) => paxLine(k, v)).join(''));
      const slash = name.replace(/\/$/, '').lastIndexOf('/');
      const paxName = `${slash < 0 ? '' : name.slice(0, slash + 1)}PaxHeaders.0/${name.slice(slash + 1).replace(/\/$/, '')}`;
      out(ustarHeader({ name: isAscii(paxName) ? paxName.slice(0, 100) : 'PaxHeaders.0/x', type: 'x', mode: 0o644, uid: 0, gid: 0, size: body.length, mtime: 0, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 }));
      out(body);
      if (padding(body.length)) out(new Uint8Array(padding(body.length)));
    }
    out(ustarHeader({
      name: isAscii(name) ? name : name.replace(/[^\x00-\x7f]/g, '_'), type: TYPEFLAG[e.type], mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, size,
      mtime: e.mtime, linkname: isAscii(e.linkname ?? '') ? (e.linkname ?? '').slice(0, 100) : '', uname: (e.uname ?? '').slice(0, 32),
      gname: (e.gname ?? '').slice(0, 32), devmajor: e.devmajor ?? 0, devminor: e.devminor ?? 0,
    }));
    if (e.type === 'file' && e.data && size > 0) {
      if (isVirtual(e.data)) for (let off = 0; off < size; off += CHUNK) out(slice(e.data, off, Math.min(size, off + CHUNK)));
      else out(e.data);
      if (padding(size)) out(new Uint8Array(padding(size)));
    }
  }
  out(new Uint8Array(2 * BLOCK));
  return written;
}

/** The whole archive as one byte array (only for small archives: save/load, tests). */
export function tarBytes(entries: readonly TarEntry[]): Uint8Array {
  const buf = new Uint8Array(tarSize(entries));
  let off = 0;
  writeTar(entries, (c) => { buf.set(c, off); off += c.length; });
  return buf;
}

function readString(h: Uint8Array, off: number, width: number): string {
  const b = h.subarray(off, off + width);
  const z = b.indexOf(0);
  return dec.decode(z < 0 ? b : b.subarray(0, z));
}

function readNumber(h: Uint8Array, off: number, width: number): number {
  if (h[off] & 0x80) {
    let n = h[off] & 0x7f;
    for (let i = 1; i < width; i++) n = n * 256 + h[off + i];
    return n;
  }
  const s = readString(h, off, width).trim();
  return s ? parseInt(s, 8) : 0;
}

function parsePax(body: Uint8Array): Map<string, string> {
  const m = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const sp = body.indexOf(0x20, i);
    const len = sp < 0 ? NaN : parseInt(dec.decode(body.subarray(i, sp)), 10);
    if (!(len > 0)) break;
    const line = dec.decode(body.subarray(sp + 1, i + len - 1));
    const eq = line.indexOf('=');
    if (eq > 0) m.set(line.slice(0, eq), line.slice(eq + 1));
    i += len;
  }
  return m;
}

const TYPE_OF: Record<string, TarType> = { '0': 'file', '\0': 'file', '': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '3': 'chardev', '4': 'blockdev', '5': 'dir', '6': 'fifo' };

/** Parse an archive (ustar, PAX, GNU long names). Throws Error on a malformed header. */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + BLOCK <= bytes.length) {
    const h = bytes.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    if (sum !== readNumber(h, 148, 8)) throw new Error(`tar: bad header checksum at offset ${off}`);
    const flag = readString(h, 156, 1);
    const size0 = readNumber(h, 124, 12);
    const body = bytes.subarray(off + BLOCK, off + BLOCK + size0);
    off += BLOCK + size0 + padding(size0);
    if (flag === 'x') { pax = parsePax(body); continue; }
    if (flag === 'g') continue;
    if (flag === 'L') { longName = readString(body, 0, body.length); continue; }
    if (flag === 'K') { longLink = readString(body, 0, body.length); continue; }
    const type = TYPE_OF[flag];
    if (!type) throw new Error(`tar: unsupported entry type '${flag}'`);
    const prefix = readString(h, 345, 155);
    let name = pax.get('path') ?? longName ?? (prefix ? `${prefix}/${readString(h, 0, 100)}` : readString(h, 0, 100));
    name = name.replace(/^\.\//, '').replace(/\/+$/, '');
    const xattrs: Record<string, string> = {};
    for (const [k, v] of pax) if (k.startsWith('SCHILY.xattr.')) xattrs[k.slice(13)] = v;
    const size = pax.has('size') ? Number(pax.get('size')) : size0;
    const e: TarEntry = {
      path: name, type, mode: readNumber(h, 100, 8) & 0o7777,
      uid: pax.has('uid') ? Number(pax.get('uid')) : readNumber(h, 108, 8),
      gid: pax.has('gid') ? Number(pax.get('gid')) : readNumber(h, 116, 8),
      uname: pax.get('uname') ?? readString(h, 265, 32), gname: pax.get('gname') ?? readString(h, 297, 32),
      mtime: pax.has('mtime') ? Math.floor(Number(pax.get('mtime'))) : readNumber(h, 136, 12),
      ...(type === 'file' ? { data: body.slice(0, size) } : {}),
      ...(type === 'symlink' || type === 'hardlink' ? { linkname: pax.get('linkpath') ?? longLink ?? readString(h, 157, 100) } : {}),
      ...(type === 'chardev' || type === 'blockdev' ? { devmajor: readNumber(h, 329, 8), devminor: readNumber(h, 337, 8) } : {}),
      ...(Object.keys(xattrs).length ? { xattrs } : {}),
    };
    out.push(e);
    pax = new Map();
    longName = longLink = undefined;
  }
  return out;
}

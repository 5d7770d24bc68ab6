/**
 * Share links: the URL's fragment carries the lines typed in one terminal,
 * `#run-<terminal id>=<base64url of the UTF-8 lines, "\n"-joined>`
 * (RFC 4648 §5). Opening such a link never runs anything by itself: the
 * terminal shows the lines as text and waits for the reader to confirm.
 * Decoding refuses control characters, so what is shown is what would run.
 */

/** Limits on what a link may carry. */
export const MAX_SHARED_LINES = 200;
/** At most this many characters (the URL stays well under browsers' limits). */
export const MAX_SHARED_CHARS = 8000;

/** The fragment parameter of one terminal. */
export function shareParam(terminalId: string): string {
  return `run-${terminalId}`;
}

/** Encode lines as base64url (no padding). */
export function encodeLines(lines: readonly string[]): string {
  const bytes = new TextEncoder().encode(lines.join('\n'));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode base64url lines; null when malformed, too long, or carrying control characters. */
export function decodeLines(value: string): string[] | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length > MAX_SHARED_CHARS * 2) return null;
  let text: string;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  // C0/C1 controls could act as keys, and bidi overrides could make the shown text differ from what runs.
  if (text.length > MAX_SHARED_CHARS || /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(text)) return null;
  const lines = text.split('\n');
  if (lines.length > MAX_SHARED_LINES || lines.every((l) => l.trim() === '')) return null;
  return lines;
}

/** What a fragment says for one terminal: nothing, lines to confirm, or a malformed link. */
export type SharedRun = { readonly kind: 'none' } | { readonly kind: 'lines'; readonly lines: string[] } | { readonly kind: 'invalid' };

/** Find `run-<id>=…` among `&`-separated fragment parameters. */
export function readShared(hash: string, terminalId: string): SharedRun {
  const prefix = shareParam(terminalId) + '=';
  const part = hash.replace(/^#/, '').split('&').find((p) => p.startsWith(prefix));
  if (part === undefined) return { kind: 'none' };
  const lines = decodeLines(part.slice(prefix.length));
  return lines ? { kind: 'lines', lines } : { kind: 'invalid' };
}

/** The fragment with this terminal's parameter removed (after the reader answered). */
export function withoutShared(hash: string, terminalId: string): string {
  const prefix = shareParam(terminalId) + '=';
  const rest = hash.replace(/^#/, '').split('&').filter((p) => p !== '' && !p.startsWith(prefix));
  return rest.length > 0 ? '#' + rest.join('&') : '';
}

/** A link to this page that carries `lines` for this terminal; null when too long to share. */
export function shareUrl(page: { origin: string; pathname: string; search: string }, terminalId: string, lines: readonly string[]): string | null {
  if (lines.length === 0 || lines.length > MAX_SHARED_LINES || lines.join('\n').length > MAX_SHARED_CHARS) return null;
  return `${page.origin}${page.pathname}${page.search}#${shareParam(terminalId)}=${encodeLines(lines)}`;
}

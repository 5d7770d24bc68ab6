/**
 * Dockerfile parsing as moby/buildkit's frontend/dockerfile/parser does it:
 * instructions are case-insensitive, `\` continues a line, `#` starts a
 * comment line, CMD/ENTRYPOINT/RUN take either the exec form (a JSON array)
 * or the shell form (wrapped in ["/bin/sh", "-c", …]). Dockerfile reference:
 * https://docs.docker.com/reference/dockerfile/
 */

/** One instruction of the Dockerfile, as the builder runs it (closed union on `kind`). */
export type Instruction =
  | { kind: 'FROM'; image: string; original: string; line: number }
  | { kind: 'RUN'; argv: string[]; shellForm: boolean; original: string; line: number }
  | { kind: 'CMD' | 'ENTRYPOINT'; argv: string[]; shellForm: boolean; original: string; line: number }
  | { kind: 'COPY' | 'ADD'; sources: string[]; dest: string; original: string; line: number }
  | { kind: 'ENV' | 'LABEL'; pairs: [string, string][]; original: string; line: number }
  | { kind: 'WORKDIR'; path: string; original: string; line: number }
  | { kind: 'EXPOSE'; ports: string[]; original: string; line: number }
  | { kind: 'USER'; user: string; original: string; line: number };

/** A parse error with the line number, in the frontend's words. */
export class DockerfileError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const KNOWN = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'LABEL', 'WORKDIR', 'EXPOSE', 'USER'];

/** Split `a "b c" d='e f'` into words, honouring quotes and backslashes (shlex-like). */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

function execOrShell(rest: string): { argv: string[]; shellForm: boolean } {
  const t = rest.trim();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { argv: v as string[], shellForm: false };
    } catch {
      /* not JSON: shell form, as buildkit falls back */
    }
  }
  return { argv: ['/bin/sh', '-c', t], shellForm: true };
}

function pairs(kind: 'ENV' | 'LABEL', rest: string, line: number): [string, string][] {
  const words = splitWords(rest);
  if (words.length === 0) throw new DockerfileError(`${kind} requires at least one argument`, line);
  if (!words[0].includes('=')) {
    // legacy form: ENV key value with spaces
    const m = /^\s*(\S+)\s+(.*)$/.exec(rest);
    if (!m) throw new DockerfileError(`${kind} must have two arguments`, line);
    return [[m[1], splitWords(m[2]).join(' ')]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new DockerfileError(`${kind} names can not be blank`, line);
    return [w.slice(0, eq), w.slice(eq + 1)];
  });
}

/** Parse Dockerfile text into instructions; throws DockerfileError on the first bad line. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i].replace(/\r$/, '');
    const start = i + 1;
    if (/^\s*(#|$)/.test(raw)) continue;
    while (/\\\s*$/.test(raw) && i + 1 < lines.length) {
      raw = raw.replace(/\\\s*$/, '');
      i++;
      if (/^\s*#/.test(lines[i])) continue;
      raw += lines[i].replace(/\r$/, '');
    }
    const m = /^\s*(\S+)\s*(.*)$/.exec(raw);
    if (!m) continue;
    const kind = m[1].toUpperCase();
    const rest = m[2].trim();
    const original = `${kind} ${rest}`;
    if (!KNOWN.includes(kind)) throw new DockerfileError(`unknown instruction: ${m[1]}`, start);
    if (out.length === 0 && kind !== 'FROM') throw new DockerfileError('no build stage in current context', start);
    if (!rest) throw new DockerfileError(`${kind} requires at least one argument`, start);
    switch (kind) {
      case 'FROM':
        out.push({ kind, image: splitWords(rest)[0], original, line: start });
        break;
      case 'RUN':
      case 'CMD':
      case 'ENTRYPOINT':
        out.push({ kind, ...execOrShell(rest), original, line: start });
        break;
      case 'COPY':
      case 'ADD': {
        const ex = execOrShell(rest);
        const words = (ex.shellForm ? splitWords(rest) : ex.argv).filter((w) => !w.startsWith('--'));
        if (words.length < 2) throw new DockerfileError(`${kind} requires at least two arguments, but only one was provided. Destination could not be determined`, start);
        out.push({ kind, sources: words.slice(0, -1), dest: words[words.length - 1], original, line: start });
        break;
      }
      case 'ENV':
      case 'LABEL':
        out.push({ kind, pairs: pairs(kind, rest, start), original, line: start });
        break;
      case 'WORKDIR':
        out.push({ kind, path: splitWords(rest)[0], original, line: start });
        break;
      case 'EXPOSE':
        out.push({ kind, ports: splitWords(rest).map((p) => (p.includes('/') ? p : `${p}/tcp`)), original, line: start });
        break;
      case 'USER':
        out.push({ kind, user: splitWords(rest)[0], original, line: start });
        break;
    }
  }
  if (out.length === 0) throw new DockerfileError('the Dockerfile cannot be empty', 0);
  return out;
}

/**
 * Image references as Docker parses them (distribution/reference,
 * "familiar" names): `alpine` = `docker.io/library/alpine:latest`,
 * `host:5000/team/app:1.0`, `name@sha256:…`.
 */

/** A parsed reference: repository in familiar form, tag and/or digest. */
export interface ImageRef {
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const REF_RE = /^((?:[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/;

/** Parse `ref`; undefined when Docker would say "invalid reference format". Adds tag "latest" when neither tag nor digest is given. */
export function parseRef(ref: string): ImageRef | undefined {
  const m = REF_RE.exec(ref);
  if (!m) return undefined;
  let repo = m[1];
  repo = repo.replace(/^(docker\.io|index\.docker\.io)\/(library\/)?/, '');
  const tag = m[2] ?? (m[3] ? undefined : 'latest');
  return { repository: repo, ...(tag ? { tag } : {}), ...(m[3] ? { digest: m[3] } : {}) };
}

/** "repo:tag" (or "repo@digest") in familiar form: `docker.io/library/alpine` → `alpine:latest`. */
export function familiar(ref: string): string | undefined {
  const r = parseRef(ref);
  if (!r) return undefined;
  return r.tag ? `${r.repository}:${r.tag}` : `${r.repository}@${r.digest}`;
}

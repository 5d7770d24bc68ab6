/** Memoise a zero-argument builder (layer entries are built at most once per process). */
export function once<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) { v = f(); done = true; }
    return v as T;
  };
}

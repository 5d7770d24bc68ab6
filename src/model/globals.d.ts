/**
 * The two host APIs the model may use: UTF-8 codecs exist in Node and in
 * Web Workers alike. Declared here so the model's lib stays ES2023 only (no
 * DOM): a stray `document` or `window` is a compile error.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

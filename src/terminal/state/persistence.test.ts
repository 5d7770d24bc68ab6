/**
 * Saved sessions in localStorage (HTML "Web storage"): round trip, and every
 * bad record (corrupt JSON, wrong shape, older version, other scenario) is
 * removed, with a one-line notice where the reader should know.
 */
import { describe, expect, it } from 'vitest';
import { STORAGE_NOTICES, STORAGE_VERSION, loadSnapshot, saveSnapshot, storageKey, type StorageLike } from './persistence.ts';

class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null { return this.map.get(key) ?? null; }
  setItem(key: string, value: string): void { this.map.set(key, value); }
  removeItem(key: string): void { this.map.delete(key); }
}

const KEY = storageKey('/layers/', 'main');
const snapshot = { version: 3, scenario: 'laptop', inputs: ['docker run alpine', 'ls'] };

describe('loadSnapshot', () => {
  it.each([
    { name: 'nothing saved', stored: null, loaded: {}, kept: false },
    { name: 'a good record', stored: JSON.stringify({ v: STORAGE_VERSION, snapshot }), loaded: { snapshot }, kept: true },
    { name: 'not JSON', stored: '{"v":1,', loaded: { notice: STORAGE_NOTICES.corrupt }, kept: false },
    { name: 'JSON of the wrong shape', stored: '[1,2]', loaded: { notice: STORAGE_NOTICES.corrupt }, kept: false },
    { name: 'bad inputs', stored: JSON.stringify({ v: STORAGE_VERSION, snapshot: { ...snapshot, inputs: 'ls' } }), loaded: { notice: STORAGE_NOTICES.corrupt }, kept: false },
    { name: 'an older version', stored: JSON.stringify({ v: STORAGE_VERSION - 1, snapshot }), loaded: { notice: STORAGE_NOTICES.version }, kept: false },
    { name: 'another scenario', stored: JSON.stringify({ v: STORAGE_VERSION, snapshot: { ...snapshot, scenario: 'vm' } }), loaded: {}, kept: false },
  ])('$name', ({ stored, loaded, kept }) => {
    const storage = new MemoryStorage();
    if (stored !== null) storage.setItem(KEY, stored);
    expect(loadSnapshot(storage, KEY, 'laptop')).toEqual(loaded);
    expect(storage.map.has(KEY)).toBe(kept);
  });

  it('storage that throws (disabled) loads nothing', () => {
    const storage: StorageLike = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => {}, removeItem: () => {} };
    expect(loadSnapshot(storage, KEY, 'laptop')).toEqual({});
  });
});

describe('saveSnapshot', () => {
  it.each([
    { name: 'saves a session', inputs: ['ls'], saved: true, kept: true },
    { name: 'an empty session removes the record', inputs: [], saved: true, kept: false },
    { name: 'too many lines are not saved', inputs: Array.from({ length: 2001 }, () => 'ls'), saved: false, kept: false },
    { name: 'too many characters are not saved', inputs: ['x'.repeat(200_001)], saved: false, kept: false },
  ])('$name', ({ inputs, saved, kept }) => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, 'old');
    expect(saveSnapshot(storage, KEY, { version: 1, scenario: 'laptop', inputs })).toBe(saved);
    expect(storage.map.has(KEY) && storage.map.get(KEY) !== 'old').toBe(kept);
  });

  it('a full storage (QuotaExceededError) reports false', () => {
    const storage: StorageLike = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    expect(saveSnapshot(storage, KEY, snapshot)).toBe(false);
  });

  it('round-trips', () => {
    const storage = new MemoryStorage();
    saveSnapshot(storage, KEY, snapshot);
    expect(loadSnapshot(storage, KEY, 'laptop')).toEqual({ snapshot });
  });
});

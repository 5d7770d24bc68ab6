/**
 * Which keys leave the terminal for the browser: Shift+Tab and Escape-then-Tab
 * (no keyboard trap, WCAG 2.1 SC 2.1.2), copy with a selection, paste.
 */
import { describe, expect, it } from 'vitest';
import { keyFilter, type KeyLike } from './key-filter.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ type: 'keydown', key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyFilter', () => {
  it.each([
    { name: 'Tab completes (terminal keeps it)', keys: [key('Tab')], selection: false, last: true },
    { name: 'Shift+Tab leaves', keys: [key('Tab', { shiftKey: true })], selection: false, last: false },
    { name: 'Escape then Tab leaves', keys: [key('Escape'), key('Tab')], selection: false, last: false },
    { name: 'Escape, a letter, then Tab completes', keys: [key('Escape'), key('a'), key('Tab')], selection: false, last: true },
    { name: 'Escape, Shift (modifier only), Tab leaves', keys: [key('Escape'), key('Shift', { shiftKey: true }), key('Tab')], selection: false, last: false },
    { name: 'the Tab after leaving completes again', keys: [key('Escape'), key('Tab'), key('Tab')], selection: false, last: true },
    { name: 'Ctrl-C interrupts without a selection', keys: [key('c', { ctrlKey: true })], selection: false, last: true },
    { name: 'Ctrl-C copies a selection', keys: [key('c', { ctrlKey: true })], selection: true, last: false },
    { name: 'Ctrl-V pastes through the browser', keys: [key('v', { ctrlKey: true })], selection: false, last: false },
    { name: 'Cmd-V pastes through the browser', keys: [key('v', { metaKey: true })], selection: false, last: false },
    { name: 'letters go to the terminal', keys: [key('v')], selection: false, last: true },
  ])('$name', ({ keys, selection, last }) => {
    const filter = keyFilter({ hasSelection: () => selection });
    const results = keys.map((k) => filter(k));
    expect(results.at(-1)).toBe(last);
  });
});

/**
 * Completion as readline does it (bash(1) "Completing"; lib/readline/complete.c):
 * what one Tab decides, and how ambiguous matches are listed in columns.
 */
import { describe, expect, it } from 'vitest';
import { commonPrefix, decideCompletion, displayName, formatCandidates } from './completion-list.ts';

describe('decideCompletion', () => {
  it.each([
    { answer: [], word: 'zz', tabAfterTab: false, decision: { kind: 'bell' } },
    { answer: ['docker'], word: 'doc', tabAfterTab: false, decision: { kind: 'insert', text: 'docker ' } },
    { answer: ['/etc/'], word: '/et', tabAfterTab: false, decision: { kind: 'insert', text: '/etc/' } },
    { answer: ['ps', 'ps'], word: 'p', tabAfterTab: false, decision: { kind: 'insert', text: 'ps ' } },
    { answer: ['image', 'images'], word: 'im', tabAfterTab: false, decision: { kind: 'insert', text: 'image' } },
    { answer: ['image', 'images'], word: 'image', tabAfterTab: false, decision: { kind: 'bell' } },
    { answer: ['image', 'images'], word: 'image', tabAfterTab: true, decision: { kind: 'list', candidates: ['image', 'images'] } },
  ])('$answer for "$word" (Tab after Tab: $tabAfterTab)', ({ answer, word, tabAfterTab, decision }) => {
    expect(decideCompletion(answer, word, tabAfterTab)).toEqual(decision);
  });
});

describe('listing', () => {
  it.each([
    { candidate: '/etc/hosts', shown: 'hosts' },
    { candidate: '/etc/', shown: 'etc/' },
    { candidate: 'docker', shown: 'docker' },
  ])('$candidate is shown as $shown', ({ candidate, shown }) => {
    expect(displayName(candidate)).toBe(shown);
  });

  it.each([
    { items: ['image', 'images', 'imagine'], prefix: 'imag' },
    { items: ['a', 'b'], prefix: '' },
    { items: [], prefix: '' },
  ])('common prefix of $items is "$prefix"', ({ items, prefix }) => {
    expect(commonPrefix(items)).toBe(prefix);
  });

  it.each([
    { columns: 80, names: ['b', 'a', 'c'], out: 'a  b  c\r\n' },
    { columns: 6, names: ['a', 'b', 'c'], out: 'a  c\r\nb\r\n' },
    { columns: 2, names: ['abc', 'd'], out: 'abc\r\nd\r\n' },
  ])('$names in $columns columns, sorted and filled down then across', ({ columns, names, out }) => {
    expect(formatCandidates(names, columns)).toBe(out);
  });
});

/**
 * Regex building shared by the rule-driven stages: literals become whitespace-tolerant,
 * word-bounded patterns, and a whole rule set becomes a few alternations so that the text is
 * scanned a fixed number of times however many rules there are.
 */

import { literalSource } from './literal-sequence.js';
import { NOT_BEFORE_WORD, WORD_CHAR, WordIndexedLiterals } from './word-indexed-literals.js';

export { escapeRegExp, literalSource } from './literal-sequence.js';

const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';

/** Number of capturing groups in a pattern source; rule patterns must have none. */
export function countCapturingGroups(source: string, flags = 'u'): number {
  const match = new RegExp(`(?:${source})|`, flags).exec('');
  return match ? match.length - 1 : 0;
}

/** Why `source` cannot serve as a rule pattern, or null when it can. */
export function describePatternProblem(source: string, flags: string): string | null {
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${source})$`, flags);
  } catch (error) {
    return `pattern does not compile: ${(error as Error).message}`;
  }
  if (compiled.test('')) return 'pattern matches the empty string';
  if (countCapturingGroups(source, flags) > 0) return 'pattern has capturing groups; use (?:...)';
  return null;
}

/** One alternative of a combined pattern and what it stands for. */
export interface PatternAlternative<T> {
  /** Regex source without capturing groups. */
  readonly source: string;
  /**
   * The literal the source stands for: a side that starts or ends with a letter or digit only
   * matches at a word boundary, so `no` does not match inside `nose`.
   */
  readonly literal: string;
  readonly value: T;
}

/** One match of a {@link CombinedPattern}. */
export interface CombinedMatch<T> {
  readonly begin: number;
  readonly end: number;
  readonly value: T;
}

interface BoundaryClass<T> {
  /**
   * Finds the alternation without its left word boundary, which {@link leftBoundary} checks where
   * it finds something: a lookbehind in front of the alternation keeps V8 from skipping ahead to
   * the characters an alternative can start with, and scanning took three times as long.
   */
  readonly global: RegExp;
  /** The left word boundary alone, sticky, under the class's flags; null for a class without one. */
  readonly leftBoundary: RegExp | null;
  readonly sticky: RegExp;
  readonly values: readonly T[];
}

function boundaryKey(literal: string): string {
  const trimmed = literal.trim();
  const left = WORD_CHAR.test(trimmed.charAt(0)) ? 'L' : '';
  const right = WORD_CHAR.test(trimmed.charAt(trimmed.length - 1)) ? 'R' : '';
  return left + right;
}

function compileClass<T>(key: string, alternatives: readonly PatternAlternative<T>[], flags: string): BoundaryClass<T> {
  // One boundary check shared by the whole alternation keeps V8's first-character scan fast: a
  // lookbehind inside every alternative makes the scan several times slower.
  const left = key.includes('L') ? NOT_AFTER_WORD : '';
  const right = key.includes('R') ? NOT_BEFORE_WORD : '';
  const alternation = `(?:${alternatives.map((alternative) => `(${alternative.source})`).join('|')})${right}`;
  const baseFlags = flags.replace(/[gy]/g, '');
  return {
    global: new RegExp(alternation, `${baseFlags}g`),
    leftBoundary: left ? new RegExp(left, `${baseFlags}y`) : null,
    sticky: new RegExp(left + alternation, `${baseFlags}y`),
    values: alternatives.map((alternative) => alternative.value),
  };
}

function valueOf<T>(found: RegExpExecArray, values: readonly T[]): T {
  const group = found.findIndex((captured, i) => i > 0 && captured !== undefined);
  return values[group - 1];
}

/**
 * A set of alternatives: literals that start with a word are looked up word by word, the rest are
 * compiled into a few regexes (one per kind of word boundary). Matches do not overlap; where two
 * would, the one that starts first wins, then the one with the longer literal (`no evidence of`
 * over `no`), then the one listed first.
 */
export class CombinedPattern<T> {
  private readonly classes: readonly BoundaryClass<T>[];
  private readonly literals: WordIndexedLiterals<T>;

  constructor(alternatives: readonly PatternAlternative<T>[], flags: string) {
    const byKey = new Map<string, PatternAlternative<T>[]>();
    // At one position a regex alternation takes the first alternative that matches, not the longest.
    const longestFirst = [...alternatives].sort((a, b) => b.literal.length - a.literal.length);
    const indexed = longestFirst.filter((alternative) => alternative.source === literalSource(alternative.literal) && WordIndexedLiterals.accepts(alternative.literal));
    const indexedSet = new Set(indexed);
    for (const alternative of longestFirst) {
      if (indexedSet.has(alternative)) continue;
      const key = boundaryKey(alternative.literal);
      byKey.set(key, [...(byKey.get(key) ?? []), alternative]);
    }
    this.classes = [...byKey].map(([key, members]) => compileClass(key, members, flags));
    this.literals = new WordIndexedLiterals(indexed, flags);
  }

  /** Non-overlapping matches that lie within [begin, end). */
  matchAll(text: string, begin = 0, end = text.length): CombinedMatch<T>[] {
    const found: CombinedMatch<T>[] = this.literals.matchAll(text, begin, end);
    if (this.classes.length > 0) {
      const { window, offset } = scanWindow(text, begin, end);
      for (const boundaryClass of this.classes) found.push(...scanWhole(boundaryClass, window, offset, begin, end));
    }
    if (this.classes.length + (this.literals.size > 0 ? 1 : 0) <= 1) return found;
    found.sort((a, b) => a.begin - b.begin || b.end - a.end);
    const kept: CombinedMatch<T>[] = [];
    for (const match of found) {
      if (kept.length === 0 || match.begin >= kept[kept.length - 1].end) kept.push(match);
    }
    return kept;
  }

  /** The longest alternative that matches starting exactly at `position`, or null. */
  matchAt(text: string, position: number): CombinedMatch<T> | null {
    let best: CombinedMatch<T> | null = this.literals.matchAt(text, position);
    for (const { sticky, values } of this.classes) {
      sticky.lastIndex = position;
      const found = sticky.exec(text);
      if (!found || found[0].length === 0) continue;
      if (!best || found[0].length > best.end - best.begin) {
        best = { begin: position, end: position + found[0].length, value: valueOf(found, values) };
      }
    }
    return best;
  }
}

/**
 * The text that scanning [begin, end) reads, and where it starts in the document. A global regex
 * searches on past `end` until it finds something, so scanning each sentence of the whole text
 * would be quadratic: a stretch short of the whole text is scanned as a slice, one character
 * wider on each side so that the word-boundary checks still see their neighbours. Every boundary
 * class scans the same slice.
 */
function scanWindow(text: string, begin: number, end: number): { window: string; offset: number } {
  if (begin === 0 && end === text.length) return { window: text, offset: 0 };
  const offset = Math.max(0, begin - 1);
  return { window: text.slice(offset, Math.min(text.length, end + 1)), offset };
}

/** Matches in `text` (which starts at `offset` of the document) that lie within [begin, end) of the document. */
function scanWhole<T>(
  { global, leftBoundary, values }: BoundaryClass<T>,
  text: string,
  offset: number,
  begin: number,
  end: number,
): CombinedMatch<T>[] {
  const matches: CombinedMatch<T>[] = [];
  global.lastIndex = Math.max(0, begin - offset);
  for (let found = global.exec(text); found; found = global.exec(text)) {
    const matchBegin = found.index + offset;
    if (matchBegin >= end) break;
    if (leftBoundary && !startsAfterBoundary(leftBoundary, text, found.index)) {
      // As the regex with its lookbehind would: on from the next character.
      global.lastIndex = found.index + (global.unicode ? codePointLength(text, found.index) : 1);
      continue;
    }
    if (found[0].length === 0) {
      global.lastIndex += 1;
      continue;
    }
    const matchEnd = matchBegin + found[0].length;
    if (matchEnd <= end) matches.push({ begin: matchBegin, end: matchEnd, value: valueOf(found, values) });
  }
  return matches;
}

function startsAfterBoundary(leftBoundary: RegExp, text: string, index: number): boolean {
  leftBoundary.lastIndex = index;
  return leftBoundary.test(text);
}

/** 2 for a surrogate pair at `index`, else 1: a regex under the u flag never starts inside a pair. */
function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

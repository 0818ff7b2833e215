import type { Terminology } from '@icd/terminology';

/**
 * A code or range named in a note: `(E10.-)`, `(N18.1-N18.6)`, `(I10)`. The range is tried before
 * the placeholder dash, so that `N18.1-N18.6` is the whole range, not N18.1 and N18.6 alone.
 */
const CODE_REFERENCE = /\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?)(?:\s*-\s*([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?))?-?/g;

interface CodeRange {
  first: string;
  last: string;
}

function compact(code: string): string {
  // Most codes come without either: no new string for them.
  if (!code.includes('.') && !code.includes('-')) return code;
  let result = '';
  for (const char of code) if (char !== '.' && char !== '-') result += char;
  return result;
}

function parseRanges(notes: readonly string[]): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const note of notes) {
    for (const match of note.matchAll(CODE_REFERENCE)) {
      const first = compact(match[1]);
      ranges.push({ first, last: match[2] ? compact(match[2]) : first });
    }
  }
  return ranges;
}

function inRange(code: string, range: CodeRange): boolean {
  return comparePrefix(code, range.first) >= 0 && comparePrefix(code, range.last) <= 0;
}

/**
 * `code.slice(0, bound.length)` compared with `bound` (negative, zero or positive, as `<`, `===`
 * and `>` would say), without making the slice: most codes are compared with many bounds.
 */
function comparePrefix(code: string, bound: string): number {
  for (let i = 0; i < bound.length; i += 1) {
    // A code shorter than the bound is a prefix of what it is compared with, so it sorts first.
    if (i === code.length) return -1;
    const difference = code.charCodeAt(i) - bound.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Char code of the capital letter a code range's bounds start with, as an index from 0 ('A'). */
const FIRST_LETTER = 65;
const LETTERS = 26;

/**
 * A code's note ranges, bucketed by the first letter of the codes each range can hold: a range
 * holds a code only when the code's first letter lies between those of the range's bounds, so a
 * question about two codes is nearly always answered by one empty bucket, without a memo per pair.
 */
interface NoteRanges extends Excludes1Notes {
  /** The code without its dot or dashes. */
  readonly compact: string;
  readonly byLetter: readonly (readonly CodeRange[] | undefined)[];
  /** Bit `letter` is set when `byLetter[letter]` holds ranges: most questions end here, without reading the buckets. */
  readonly letters: number;
}

function lettersOf(byLetter: readonly (readonly CodeRange[] | undefined)[]): number {
  let letters = 0;
  for (let letter = 0; letter < LETTERS; letter += 1) if (byLetter[letter] !== undefined) letters |= 1 << letter;
  return letters;
}

function bucketByLetter(ranges: readonly CodeRange[]): (CodeRange[] | undefined)[] {
  const byLetter = new Array<CodeRange[] | undefined>(LETTERS);
  for (const range of ranges) {
    const from = Math.max(0, range.first.charCodeAt(0) - FIRST_LETTER);
    const to = Math.min(LETTERS - 1, range.last.charCodeAt(0) - FIRST_LETTER);
    for (let letter = from; letter <= to; letter += 1) (byLetter[letter] ??= []).push(range);
  }
  return byLetter;
}

/** Whether a range of `ranges` holds the compact code `code`. */
function holds(ranges: NoteRanges, code: string): boolean {
  const letter = code.charCodeAt(0) - FIRST_LETTER;
  // Range bounds start with a capital: a code that does not lies in none of them.
  if (!(letter >= 0 && letter < LETTERS) || (ranges.letters & (1 << letter)) === 0) return false;
  const bucket = ranges.byLetter[letter] ?? [];
  for (const range of bucket) if (inRange(code, range)) return true;
  return false;
}

type NoteKind = 'excludes1' | 'useAdditionalCode' | 'codeAlso';

/** Code ranges named in a code's notes of some kinds, its own and inherited, parsed once per code. */
function createNoteRanges(terminology: Terminology, kinds: readonly NoteKind[]) {
  const cache = new Map<string, NoteRanges>();
  return (code: string): NoteRanges => {
    let ranges = cache.get(code);
    if (!ranges) {
      const record = terminology.notesOf(code);
      const notes = kinds.flatMap((kind) => [...(record?.notes[kind] ?? []), ...(record?.inheritedNotes.flatMap((entry) => entry.notes[kind] ?? []) ?? [])]);
      const byLetter = bucketByLetter(parseRanges(notes));
      ranges = { code, compact: compact(code), byLetter, letters: lettersOf(byLetter) };
      cache.set(code, ranges);
    }
    return ranges;
  };
}

/**
 * Whether `additional` is a code that `combination`'s "use additional code" or "code also" notes
 * ask for: I11.0 asks for the type of heart failure (I50.-), so both are reported.
 */
export function createAdditionalCodeRule(terminology: Terminology) {
  const requested = createNoteRanges(terminology, ['useAdditionalCode', 'codeAlso']);
  return (combination: string, additional: string): boolean => {
    const ranges = requested(combination);
    // Most codes ask for nothing: then there is no need to compact the other.
    return ranges.letters !== 0 && holds(ranges, compact(additional));
  };
}

export type AdditionalCodeRule = ReturnType<typeof createAdditionalCodeRule>;

/** A code's Excludes1 notes, parsed once, as {@link Excludes1Checker.notesOf} gives them. */
export interface Excludes1Notes {
  readonly code: string;
}

/**
 * Excludes1 notes: an Excludes1 note at a code, or at an ancestor, section or chapter of it,
 * names the codes that may not be reported with it ("NOT CODED HERE").
 */
export interface Excludes1Checker {
  /** Whether two codes may not be reported together: a note of either names the other. */
  conflict(a: string, b: string): boolean;
  /** Whether an Excludes1 note of `code` itself names `other`: "Pain, unspecified" (R52) sends chest pain to R07.-. */
  names(code: string, other: string): boolean;
  /** The notes of a code; a caller that asks about the same code often can keep them. */
  notesOf(code: string): Excludes1Notes;
  /**
   * The items of `ranked`, in order, without each one that an item kept before it conflicts
   * with: of two codes a note keeps apart, the better-ranked one stays. `notesOf` gives an
   * item's notes, got from this checker's {@link notesOf}. When `related` is given, a conflict
   * counts only between items it relates (asked only of items whose notes conflict).
   */
  keepCompatible<T>(ranked: readonly T[], notesOf: (item: T) => Excludes1Notes, related?: (kept: T, item: T) => boolean): T[];
}

export function createExcludes1Checker(terminology: Terminology): Excludes1Checker {
  const excludedBy = createNoteRanges(terminology, ['excludes1']);
  const conflict = (a: NoteRanges, b: NoteRanges): boolean => holds(a, b.compact) || holds(b, a.compact);
  return {
    conflict: (a, b) => conflict(excludedBy(a), excludedBy(b)),
    names: (code, other) => holds(excludedBy(code), compact(other)),
    notesOf: excludedBy,
    // The caller hands over each item's notes: a lookup in the large cache costs more than the
    // range checks themselves, and ranking has already looked the code up.
    keepCompatible: (ranked, notesOf, related) => keepCompatibleBy(ranked, (item) => notesOf(item) as NoteRanges, conflict, related),
  };
}

/** A checker that asks `conflict` about every pair, for tests and stubs. */
export function excludes1CheckerFrom(conflict: (a: string, b: string) => boolean): Excludes1Checker {
  return {
    conflict,
    names: conflict,
    notesOf: (code) => ({ code }),
    keepCompatible: (ranked, notesOf, related) => keepCompatibleBy(ranked, (item) => notesOf(item).code, conflict, related),
  };
}

function keepCompatibleBy<T, Key>(
  ranked: readonly T[],
  keyOf: (item: T) => Key,
  conflict: (a: Key, b: Key) => boolean,
  related: (kept: T, item: T) => boolean = () => true,
): T[] {
  const kept: T[] = [];
  const keptKeys: Key[] = [];
  for (const item of ranked) {
    const key = keyOf(item);
    if (keptKeys.some((other, index) => conflict(other, key) && related(kept[index], item))) continue;
    kept.push(item);
    keptKeys.push(key);
  }
  return kept;
}

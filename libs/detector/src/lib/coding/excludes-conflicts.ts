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
  const head = code.slice(0, range.first.length);
  const tail = code.slice(0, range.last.length);
  return head >= range.first && tail <= range.last;
}

/** Char code of the capital letter a code range's bounds start with, as an index from 0 ('A'). */
const FIRST_LETTER = 65;
const LETTERS = 26;

/**
 * A code's note ranges, bucketed by the first letter of the codes each range can hold: a range
 * holds a code only when the code's first letter lies between those of the range's bounds, so a
 * question about two codes is nearly always answered by one empty bucket, without a memo per pair.
 */
interface NoteRanges {
  /** The code without its dot or dashes. */
  readonly compact: string;
  readonly byLetter: readonly (readonly CodeRange[] | undefined)[];
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
  const bucket = letter >= 0 && letter < LETTERS ? ranges.byLetter[letter] : undefined;
  if (bucket === undefined) return false;
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
      const record = terminology.lookup(code);
      const notes = kinds.flatMap((kind) => [...(record?.notes[kind] ?? []), ...(record?.inheritedNotes.flatMap((entry) => entry.notes[kind] ?? []) ?? [])]);
      ranges = { compact: compact(code), byLetter: bucketByLetter(parseRanges(notes)) };
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
  return (combination: string, additional: string): boolean => holds(requested(combination), compact(additional));
}

export type AdditionalCodeRule = ReturnType<typeof createAdditionalCodeRule>;

/**
 * Whether two codes may not be reported together: an Excludes1 note at either code, or at an
 * ancestor, section or chapter of it, names the other ("NOT CODED HERE").
 */
export function createExcludes1Checker(terminology: Terminology) {
  const excludedBy = createNoteRanges(terminology, ['excludes1']);
  return (a: string, b: string): boolean => {
    const rangesOfA = excludedBy(a);
    const rangesOfB = excludedBy(b);
    return holds(rangesOfA, rangesOfB.compact) || holds(rangesOfB, rangesOfA.compact);
  };
}

export type Excludes1Checker = ReturnType<typeof createExcludes1Checker>;

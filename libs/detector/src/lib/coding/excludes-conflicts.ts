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

/** Remembers a yes/no answer per ordered pair of codes without building a key string per question. */
function createPairMemo() {
  const answers = new Map<string, Map<string, boolean>>();
  return (a: string, b: string, decide: () => boolean): boolean => {
    let row = answers.get(a);
    if (!row) {
      row = new Map();
      answers.set(a, row);
    }
    let answer = row.get(b);
    if (answer === undefined) {
      answer = decide();
      row.set(b, answer);
    }
    return answer;
  };
}

type NoteKind = 'excludes1' | 'useAdditionalCode' | 'codeAlso';

/** Code ranges named in a code's notes of some kinds, its own and inherited, parsed once per code. */
function createNoteRanges(terminology: Terminology, kinds: readonly NoteKind[]) {
  const cache = new Map<string, CodeRange[]>();
  return (code: string): CodeRange[] => {
    let ranges = cache.get(code);
    if (!ranges) {
      const record = terminology.lookup(code);
      const notes = kinds.flatMap((kind) => [...(record?.notes[kind] ?? []), ...(record?.inheritedNotes.flatMap((entry) => entry.notes[kind] ?? []) ?? [])]);
      ranges = parseRanges(notes);
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
  const answers = createPairMemo();
  return (combination: string, additional: string): boolean =>
    answers(combination, additional, () => {
      const code = compact(additional);
      return requested(combination).some((range) => inRange(code, range));
    });
}

export type AdditionalCodeRule = ReturnType<typeof createAdditionalCodeRule>;

/**
 * Whether two codes may not be reported together: an Excludes1 note at either code, or at an
 * ancestor, section or chapter of it, names the other ("NOT CODED HERE").
 */
export function createExcludes1Checker(terminology: Terminology) {
  const excludedBy = createNoteRanges(terminology, ['excludes1']);
  const answers = createPairMemo();
  return (a: string, b: string): boolean =>
    answers(a, b, () => excludedBy(a).some((range) => inRange(compact(b), range)) || excludedBy(b).some((range) => inRange(compact(a), range)));
}

export type Excludes1Checker = ReturnType<typeof createExcludes1Checker>;

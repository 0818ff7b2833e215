/**
 * Literal alternatives found by looking up each word of the text in a map keyed by the literal's
 * first word, then confirming the few candidates with a sticky regex. Hundreds of literals in one
 * regex alternation make V8 try every alternative at every position; the lookup touches only the
 * literals that can start there.
 */

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const WORD_RUN_AT = /[\p{L}\p{N}]+/uy;
/** A letter or digit: what word boundaries are made of, here and in the regex-built patterns. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;
const AFTER_WORD_CHAR = /(?<=[\p{L}\p{N}])/uy;
export const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

export interface IndexedLiteral<T> {
  /** Pattern source of the literal (whitespace-tolerant), without capturing groups. */
  readonly source: string;
  /** The literal; it starts with a letter or digit. */
  readonly literal: string;
  readonly value: T;
}

export interface LiteralMatch<T> {
  readonly begin: number;
  readonly end: number;
  readonly value: T;
}

interface Candidate<T> {
  /** Null for a one-word literal: the word found in the text is then the whole match. */
  readonly sticky: RegExp | null;
  /** First character after the first word, and whether whitespace comes before it: a cheap test before the regex. */
  readonly next: string;
  readonly spaced: boolean;
  readonly value: T;
}

const INLINE_SPACE = /[ \t\u00a0]/;

/** The maximal run of letters and digits `literal` starts with. */
function firstWord(literal: string): string {
  WORD_RUN_AT.lastIndex = 0;
  return WORD_RUN_AT.exec(literal.trim())?.[0] ?? '';
}

export class WordIndexedLiterals<T> {
  private readonly byFirstWord = new Map<string, Candidate<T>[]>();
  private readonly caseless: boolean;

  /** `literals` in order of preference at one position (longest first); each starts with a letter or digit. */
  constructor(literals: readonly IndexedLiteral<T>[], flags: string) {
    this.caseless = flags.includes('i');
    const stickyFlags = `${flags.replace(/[gy]/g, '')}y`;
    for (const { source, literal, value } of literals) {
      const trimmed = literal.trim();
      const first = firstWord(trimmed);
      const rest = trimmed.slice(first.length);
      const right = WORD_CHAR.test(trimmed.slice(-1)) ? NOT_BEFORE_WORD : '';
      const key = this.keyOf(first);
      const list = this.byFirstWord.get(key) ?? [];
      list.push({
        sticky: rest.length === 0 ? null : new RegExp(`(?:${source})${right}`, stickyFlags),
        next: this.keyOf(rest.trimStart().charAt(0)),
        spaced: rest.length > 0 && rest.trimStart().length < rest.length,
        value,
      });
      this.byFirstWord.set(key, list);
    }
  }

  /** Whether a literal can be indexed: it must start with a letter or digit. */
  static accepts(literal: string): boolean {
    return WORD_CHAR.test(literal.trim().charAt(0));
  }

  get size(): number {
    return this.byFirstWord.size;
  }

  /** At every word start within [begin, end), the preferred literal that matches there and ends by `end`. */
  matchAll(text: string, begin: number, end: number): LiteralMatch<T>[] {
    const matches: LiteralMatch<T>[] = [];
    if (this.byFirstWord.size === 0) return matches;
    // Start one character early so that a run that began before `begin` is seen whole (and skipped).
    const regex = new RegExp(WORD_RUN.source, 'gu');
    regex.lastIndex = Math.max(0, begin - 1);
    for (let word = regex.exec(text); word && word.index < end; word = regex.exec(text)) {
      if (word.index < begin) continue;
      const found = this.matchWordAt(text, word.index, word[0]);
      if (found && found.end <= end) matches.push(found);
    }
    return matches;
  }

  /** The preferred literal that matches at `position`, which must start a word; null otherwise. */
  matchAt(text: string, position: number): LiteralMatch<T> | null {
    AFTER_WORD_CHAR.lastIndex = position;
    if (AFTER_WORD_CHAR.test(text)) return null;
    WORD_RUN_AT.lastIndex = position;
    const word = WORD_RUN_AT.exec(text);
    return word ? this.matchWordAt(text, position, word[0]) : null;
  }

  private matchWordAt(text: string, position: number, word: string): LiteralMatch<T> | null {
    const candidates = this.byFirstWord.get(this.keyOf(word));
    if (!candidates) return null;
    const after = position + word.length;
    let nextAt = after;
    while (nextAt < text.length && INLINE_SPACE.test(text.charAt(nextAt))) nextAt += 1;
    const nextChar = this.keyOf(text.charAt(nextAt));
    for (const { sticky, next, spaced, value } of candidates) {
      if (!sticky) return { begin: position, end: after, value };
      if (next !== nextChar || spaced !== nextAt > after) continue;
      sticky.lastIndex = position;
      const found = sticky.exec(text);
      if (found && found[0].length > 0) return { begin: position, end: position + found[0].length, value };
    }
    return null;
  }

  private keyOf(word: string): string {
    return this.caseless ? word.toLowerCase() : word;
  }
}

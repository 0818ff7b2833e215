/**
 * Literal alternatives found by looking up each word of the text in a map keyed by the literal's
 * first word, then confirming the few candidates with a sticky regex. Hundreds of literals in one
 * regex alternation make V8 try every alternative at every position; the lookup touches only the
 * literals that can start there.
 */

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


/** A space, tab or no-break space: what may sit between the words of a literal. */
function isInlineSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** Whether a letter or digit ends right before `index` (one outside the BMP included). */
function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return wordCharLength(text, isPair ? index - 2 : index - 1) > 0;
}

/**
 * UTF-16 length of the letter or digit at `index` (2 for one outside the BMP), 0 when there is
 * none: what `[\p{L}\p{N}]` matches, read without a regex for ASCII, which is nearly all text.
 */
function wordCharLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(index) as number;
  const width = point > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? width : 0;
}

/** The maximal run of letters and digits `literal` starts with. */
function firstWord(literal: string): string {
  WORD_RUN_AT.lastIndex = 0;
  return WORD_RUN_AT.exec(literal.trim())?.[0] ?? '';
}

/** Whether an ASCII code is a letter or digit. */
function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Hashes stay below 2^30, so that V8 keeps them as small integers rather than boxing each one. */
const HASH_MASK = 0x3fffffff;
/** What {@link WordIndexedLiterals.wordEnd} reports for a word that is not all ASCII. */
const NOT_ASCII = -1;

function hashStep(hash: number, code: number, caseless: boolean): number {
  return (Math.imul(hash, 31) + (caseless && code <= 90 && code >= 65 ? code + 32 : code)) & HASH_MASK;
}

/** Hash of an all-ASCII key, folding case when `caseless` ({@link NOT_ASCII} otherwise); `matchAll` computes the same while it scans a word. */
function asciiHash(key: string, caseless: boolean): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    if (code >= 128) return NOT_ASCII;
    hash = hashStep(hash, code, caseless);
  }
  return hash;
}

/** Whether the all-ASCII word [begin, end) of `text` is `key`, read as `keyOf` would (ASCII capitals folded when `caseless`). */
export function isAsciiWordIn(text: string, begin: number, end: number, key: string, caseless: boolean): boolean {
  if (end - begin !== key.length) return false;
  for (let i = 0; i < key.length; i += 1) {
    const code = text.charCodeAt(begin + i);
    if ((caseless && code <= 90 && code >= 65 ? code + 32 : code) !== key.charCodeAt(i)) return false;
  }
  return true;
}

/** The literals whose first word is `key`, in order of preference. */
interface FirstWordCandidates<T> {
  readonly key: string;
  readonly candidates: readonly Candidate<T>[];
}

export class WordIndexedLiterals<T> {
  private readonly byFirstWord = new Map<string, Candidate<T>[]>();
  /**
   * The all-ASCII first words by hash. Nearly every word of a text starts no literal: an ASCII
   * word whose hash is not here is passed over, and one whose hash is here is compared in place,
   * so that no word is cut out of the text or lower-cased.
   */
  private readonly asciiFirstWords = new Map<number, FirstWordCandidates<T>[]>();
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
    for (const [key, candidates] of this.byFirstWord) {
      const hash = asciiHash(key, this.caseless);
      if (hash === NOT_ASCII) continue;
      const sameHash = this.asciiFirstWords.get(hash) ?? [];
      sameHash.push({ key, candidates });
      this.asciiFirstWords.set(hash, sameHash);
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
    // A run that began before `begin` is skipped whole: its first word is not a word start here.
    let position = begin;
    while (position < text.length && wordCharLength(text, position) > 0 && wordCharBefore(text, position)) position += wordCharLength(text, position);
    while (position < end) {
      const code = text.charCodeAt(position);
      if (code < 128 ? !isAsciiWordChar(code) : wordCharLength(text, position) === 0) {
        position += 1;
        continue;
      }
      const wordEnd = this.wordEnd(text, position);
      const found =
        this.scannedHash === NOT_ASCII ? this.matchWordAt(text, position, text.slice(position, wordEnd)) : this.matchAsciiWordAt(text, position, wordEnd, this.scannedHash);
      if (found && found.end <= end) matches.push(found);
      position = wordEnd;
    }
    return matches;
  }

  /** The {@link asciiHash} of the word {@link wordEnd} scanned last: a field, so that scanning a word allocates nothing. */
  private scannedHash = 0;

  /** Where the word at `position` ends; sets {@link scannedHash}. */
  private wordEnd(text: string, position: number): number {
    const caseless = this.caseless;
    let end = position;
    let hash = 0;
    for (;;) {
      const code = text.charCodeAt(end);
      if (code < 128) {
        if (!isAsciiWordChar(code)) break;
        if (hash !== NOT_ASCII) hash = hashStep(hash, code, caseless);
        end += 1;
      } else {
        const length = wordCharLength(text, end);
        if (length === 0) break;
        hash = NOT_ASCII;
        end += length;
      }
    }
    this.scannedHash = hash;
    return end;
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
    return candidates ? this.matchCandidatesAt(text, position, position + word.length, candidates) : null;
  }

  /** {@link matchWordAt} for the all-ASCII word [position, wordEnd) of hash `hash`. */
  private matchAsciiWordAt(text: string, position: number, wordEnd: number, hash: number): LiteralMatch<T> | null {
    const sameHash = this.asciiFirstWords.get(hash);
    if (!sameHash) return null;
    for (const { key, candidates } of sameHash) {
      if (isAsciiWordIn(text, position, wordEnd, key, this.caseless)) return this.matchCandidatesAt(text, position, wordEnd, candidates);
    }
    return null;
  }

  /** The first of `candidates`, whose first word is the one at [position, after), that matches there. */
  private matchCandidatesAt(text: string, position: number, after: number, candidates: readonly Candidate<T>[]): LiteralMatch<T> | null {
    let nextAt = after;
    while (isInlineSpace(text.charCodeAt(nextAt))) nextAt += 1;
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

/**
 * Literal alternatives found by looking up each word of the text in a map keyed by the literal's
 * first word, then confirming the few candidates with a sticky regex. Hundreds of literals in one
 * regex alternation make V8 try every alternative at every position; the lookup touches only the
 * literals that can start there.
 */

import { type Candidate, FirstWordCandidates } from './first-word-candidates.js';
import { TEXT_WORDS } from './text-words.js';
import { NO_MATCH, UNDECIDED, asciiLiteralWords, matchLiteralWords } from './literal-sequence.js';
import { AsciiWordScanner, HashFilter, NOT_ASCII, WORD_CHAR, asciiHash, isAsciiWordChar, isAsciiWordIn, isInlineSpace, wordCharBefore, wordCharLength } from './literal-words.js';

export { WORD_CHAR } from './literal-words.js';

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const WORD_RUN_AT = /[\p{L}\p{N}]+/uy;
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

/** The maximal run of letters and digits `literal` starts with. */
function firstWord(literal: string): string {
  WORD_RUN_AT.lastIndex = 0;
  return WORD_RUN_AT.exec(literal.trim())?.[0] ?? '';
}

export class WordIndexedLiterals<T> {
  private readonly byFirstWord = new Map<string, FirstWordCandidates<T>>();
  /**
   * The all-ASCII first words by hash. Nearly every word of a text starts no literal: an ASCII
   * word whose hash is not here is passed over, and one whose hash is here is compared in place,
   * so that no word is cut out of the text or lower-cased.
   */
  private readonly asciiFirstWords = new Map<number, FirstWordCandidates<T>[]>();
  /** The hashes of {@link asciiFirstWords}, a bit each: most words are passed over by one read of this small table, without a map lookup. */
  private readonly asciiHashFilter = new HashFilter();
  private readonly caseless: boolean;
  private readonly firstWords: AsciiWordScanner;
  private readonly secondWords: AsciiWordScanner;

  /** `literals` in order of preference at one position (longest first); each starts with a letter or digit. */
  constructor(literals: readonly IndexedLiteral<T>[], flags: string) {
    this.caseless = flags.includes('i');
    this.firstWords = new AsciiWordScanner(this.caseless);
    this.secondWords = new AsciiWordScanner(this.caseless);
    const stickyFlags = `${flags.replace(/[gy]/g, '')}y`;
    const byKey = new Map<string, Candidate<T>[]>();
    for (const { source, literal, value } of literals) {
      const trimmed = literal.trim();
      const first = firstWord(trimmed);
      const rest = trimmed.slice(first.length);
      const wordBounded = WORD_CHAR.test(trimmed.slice(-1));
      const right = wordBounded ? NOT_BEFORE_WORD : '';
      const key = this.keyOf(first);
      const spaced = rest.length > 0 && rest.trimStart().length < rest.length;
      const next = this.keyOf(rest.trimStart().charAt(0));
      const list = byKey.get(key) ?? [];
      list.push({
        sticky: rest.length === 0 ? null : new RegExp(`(?:${source})${right}`, stickyFlags),
        words: rest.length === 0 ? null : asciiLiteralWords(literal, source, flags),
        wordBounded,
        next,
        nextAsciiCode: next.length === 1 && next.charCodeAt(0) < 128 ? next.charCodeAt(0) : NOT_ASCII,
        spaced,
        secondWord: spaced ? this.asciiKeyOf(firstWord(rest)) : null,
        value,
      });
      byKey.set(key, list);
    }
    for (const [key, candidates] of byKey) {
      const group = new FirstWordCandidates(key, candidates, this.caseless);
      this.byFirstWord.set(key, group);
      const hash = asciiHash(key, this.caseless);
      if (hash === NOT_ASCII) continue;
      const sameHash = this.asciiFirstWords.get(hash) ?? [];
      sameHash.push(group);
      this.asciiFirstWords.set(hash, sameHash);
      this.asciiHashFilter.add(hash);
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
    if (this.byFirstWord.size === 0) return [];
    // Only a stretch that starts inside a character outside the BMP reads its words apart from the text's.
    if (begin > 0 && isLowSurrogate(text.charCodeAt(begin))) return this.scanCharacters(text, begin, end);
    const matches: LiteralMatch<T>[] = [];
    // A run that began before `begin` is skipped whole: its first word is not a word start here.
    const words = TEXT_WORDS.of(text);
    const hashes = this.caseless ? words.foldedHashes : words.exactHashes;
    const { begins, ends, count } = words;
    const filter = this.asciiHashFilter;
    for (let word = words.firstAtOrAfter(begin); word < count && begins[word] < end; word += 1) {
      const hash = hashes[word];
      // Nearly every word starts no literal, and the filter says so without a call.
      if (hash !== NOT_ASCII && !filter.mayHold(hash)) continue;
      const found = this.matchWord(text, begins[word], ends[word], hash);
      if (found && found.end <= end) matches.push(found);
    }
    return matches;
  }

  /** {@link matchAll} reading the characters of [begin, end) itself. */
  private scanCharacters(text: string, begin: number, end: number): LiteralMatch<T>[] {
    const matches: LiteralMatch<T>[] = [];
    let position = begin;
    while (position < text.length && wordCharLength(text, position) > 0 && wordCharBefore(text, position)) position += wordCharLength(text, position);
    while (position < end) {
      const code = text.charCodeAt(position);
      if (code < 128 ? !isAsciiWordChar(code) : wordCharLength(text, position) === 0) {
        position += 1;
        continue;
      }
      const wordEnd = this.firstWords.wordEnd(text, position);
      const found = this.matchWord(text, position, wordEnd, this.firstWords.hash);
      if (found && found.end <= end) matches.push(found);
      position = wordEnd;
    }
    return matches;
  }

  /** The preferred literal that matches at the word [position, wordEnd) of hash `hash` (NOT_ASCII for a word that is not all ASCII). */
  private matchWord(text: string, position: number, wordEnd: number, hash: number): LiteralMatch<T> | null {
    return hash === NOT_ASCII ? this.matchWordAt(text, position, text.slice(position, wordEnd)) : this.matchAsciiWordAt(text, position, wordEnd, hash);
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
    const group = this.byFirstWord.get(this.keyOf(word));
    return group ? this.matchCandidatesAt(text, position, position + word.length, group) : null;
  }

  /** {@link matchWordAt} for the all-ASCII word [position, wordEnd) of hash `hash`. */
  private matchAsciiWordAt(text: string, position: number, wordEnd: number, hash: number): LiteralMatch<T> | null {
    if (!this.asciiHashFilter.mayHold(hash)) return null;
    const sameHash = this.asciiFirstWords.get(hash);
    if (!sameHash) return null;
    for (const group of sameHash) {
      if (isAsciiWordIn(text, position, wordEnd, group.key, this.caseless)) return this.matchCandidatesAt(text, position, wordEnd, group);
    }
    return null;
  }

  /** The first candidate of `group`, whose first word is the one at [position, after), that matches there. */
  private matchCandidatesAt(text: string, position: number, after: number, group: FirstWordCandidates<T>): LiteralMatch<T> | null {
    let nextAt = after;
    while (isInlineSpace(text.charCodeAt(nextAt))) nextAt += 1;
    const code = text.charCodeAt(nextAt);
    // An ASCII character is compared by its code; only another is cut out and lower-cased, once.
    const nextCode = code < 128 ? (this.caseless && code <= 90 && code >= 65 ? code + 32 : code) : NOT_ASCII;
    if (nextCode !== NOT_ASCII && !group.mayContinueWith(nextCode, nextAt > after)) return null;
    let nextChar: string | null = null;
    for (const candidate of group.toTry(text, nextAt, this.secondWords)) {
      if (!candidate.sticky) return { begin: position, end: after, value: candidate.value };
      if (candidate.spaced !== nextAt > after) continue;
      if (nextCode === NOT_ASCII ? candidate.next !== (nextChar ??= this.keyOf(text.charAt(nextAt))) : candidate.nextAsciiCode !== nextCode) continue;
      const end = this.endOfCandidate(text, position, candidate);
      if (end >= 0) return { begin: position, end, value: candidate.value };
    }
    return null;
  }

  /** Where `candidate`, which has more than one word, ends when it matches at `position`; {@link NO_MATCH} otherwise. */
  private endOfCandidate(text: string, position: number, candidate: Candidate<T>): number {
    const end = candidate.words === null ? UNDECIDED : matchLiteralWords(text, position, candidate.words, this.caseless, candidate.wordBounded);
    if (end !== UNDECIDED) return end;
    const sticky = candidate.sticky as RegExp;
    sticky.lastIndex = position;
    const found = sticky.exec(text);
    return found && found[0].length > 0 ? position + found[0].length : NO_MATCH;
  }

  private keyOf(word: string): string {
    return this.caseless ? word.toLowerCase() : word;
  }

  /** {@link keyOf} of a word when that is all ASCII and not empty, else null. */
  private asciiKeyOf(word: string): string | null {
    const key = this.keyOf(word);
    return key.length > 0 && asciiHash(key, this.caseless) !== NOT_ASCII ? key : null;
  }
}

import { type AsciiWordScanner, NOT_ASCII, asciiHash, isAsciiWordIn } from './literal-words.js';

/** One literal, filed under its first word. */
export interface Candidate<T> {
  /** Null for a one-word literal: the word found in the text is then the whole match. */
  readonly sticky: RegExp | null;
  /** The literal's words when they can be compared by char code (`asciiLiteralWords`); null when only `sticky` can match it. */
  readonly words: readonly string[] | null;
  /** Whether the literal ends with a letter or digit, so that it must not be followed by one. */
  readonly wordBounded: boolean;
  /** First character after the first word, and whether whitespace comes before it: a cheap test before the regex. */
  readonly next: string;
  /** `next` as a char code when it is one ASCII character, else NOT_ASCII. */
  readonly nextAsciiCode: number;
  readonly spaced: boolean;
  /**
   * The all-ASCII word that follows the first word after whitespace, as keys are written (lower
   * case when caseless); null when the literal has none, or it is not all ASCII.
   */
  readonly secondWord: string | null;
  readonly value: T;
}

interface SecondWordCandidates<T> {
  readonly key: string;
  readonly candidates: readonly Candidate<T>[];
}

/**
 * The literals that start with one word, in order of preference, filed again under their second
 * word. A common first word starts dozens of literals ("no", "not"); where the text's next word is
 * all ASCII, only those whose second word it is, and those without one, can match there: the rest
 * are passed over without running their regex.
 */
export class FirstWordCandidates<T> {
  /**
   * Which ASCII characters can follow the first word, at index `code` directly after it and at
   * `code + 128` after whitespace; null when any can (a one-word literal matches whatever follows).
   * A common word ("a", "in", "with") starts a few literals and is nearly always followed by
   * something none of them has there.
   */
  private readonly asciiNext: Uint8Array | null;
  private readonly withoutSecondWord: readonly Candidate<T>[];
  /** By the hash of the second word; null when no candidate has one. */
  private readonly bySecondWord: Map<number, SecondWordCandidates<T>[]> | null;

  constructor(
    readonly key: string,
    readonly all: readonly Candidate<T>[],
    private readonly caseless: boolean,
  ) {
    this.asciiNext = asciiNextOf(all);
    this.withoutSecondWord = all.filter((candidate) => candidate.secondWord === null);
    const secondWords = new Set(all.flatMap((candidate) => (candidate.secondWord === null ? [] : [candidate.secondWord])));
    this.bySecondWord = secondWords.size === 0 ? null : new Map();
    for (const secondWord of secondWords) {
      const hash = asciiHash(secondWord, caseless);
      const sameHash = this.bySecondWord?.get(hash) ?? [];
      // Kept in order of preference: the first that matches wins.
      sameHash.push({ key: secondWord, candidates: all.filter((candidate) => candidate.secondWord === null || candidate.secondWord === secondWord) });
      this.bySecondWord?.set(hash, sameHash);
    }
  }

  /**
   * False when no candidate can match where the first word is followed by the ASCII character
   * `nextCode` (lower-cased when caseless), after whitespace when `spaced`; true otherwise.
   */
  mayContinueWith(nextCode: number, spaced: boolean): boolean {
    return this.asciiNext === null || this.asciiNext[spaced ? nextCode + 128 : nextCode] === 1;
  }

  /** The candidates, in order of preference, that can match when the text's word after this one starts at `nextAt`. */
  toTry(text: string, nextAt: number, scanner: AsciiWordScanner): readonly Candidate<T>[] {
    if (this.bySecondWord === null) return this.all;
    const end = scanner.wordEnd(text, nextAt);
    if (end === nextAt) return this.withoutSecondWord;
    if (scanner.hash === NOT_ASCII) return this.all;
    for (const { key, candidates } of this.bySecondWord.get(scanner.hash) ?? []) {
      if (isAsciiWordIn(text, nextAt, end, key, this.caseless)) return candidates;
    }
    return this.withoutSecondWord;
  }
}

/** {@link FirstWordCandidates.asciiNext} of `candidates`. */
function asciiNextOf(candidates: readonly Candidate<unknown>[]): Uint8Array | null {
  const next = new Uint8Array(256);
  for (const candidate of candidates) {
    if (candidate.sticky === null) return null;
    if (candidate.nextAsciiCode !== NOT_ASCII) next[candidate.spaced ? candidate.nextAsciiCode + 128 : candidate.nextAsciiCode] = 1;
  }
  return next;
}

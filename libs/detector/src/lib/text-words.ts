/**
 * The words of one text, found once and shared by every literal scan over it. A note is scanned
 * for abbreviations in two cases and for ConText triggers sentence by sentence; each scan used to
 * walk the characters and hash each word again. Here the words (maximal runs of letters and
 * digits) and their hashes, exact and case-folded, are read in one pass and kept for the text
 * last asked about.
 */

import { NOT_ASCII, hashStep, isAsciiWordChar, wordCharLength } from './literal-words.js';

/**
 * Each ASCII code's letter or digit with capitals folded, 0 for one that is neither: one read
 * tells a word character and gives what the case-folded hash takes.
 */
const FOLDED_ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  FOLDED_ASCII[code] = isAsciiWordChar(code) ? (code >= 65 && code <= 90 ? code + 32 : code) : 0;
}

/** {@link asciiHash} of the all-ASCII word [begin, end) of `text`, as written, read in place. */
function exactHash(text: string, begin: number, end: number): number {
  let hash = 0;
  for (let index = begin; index < end; index += 1) hash = hashStep(hash, text.charCodeAt(index), false);
  return hash;
}

export class TextWords {
  count = 0;
  begins = new Int32Array(256);
  ends = new Int32Array(256);
  /** {@link asciiHash} of each word as written, or NOT_ASCII. */
  exactHashes = new Int32Array(256);
  /** {@link asciiHash} of each word with ASCII capitals folded, or NOT_ASCII. */
  foldedHashes = new Int32Array(256);
  private text: string | null = null;

  /** The words of `text`, read again only when it is not the text read last. */
  of(text: string): this {
    if (text !== this.text) this.read(text);
    return this;
  }

  /** Index of the first word that begins at or after `position`. */
  firstAtOrAfter(position: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.begins[middle] < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private read(text: string): void {
    this.text = text;
    this.count = 0;
    let position = 0;
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code < 128 ? FOLDED_ASCII[code] === 0 : wordCharLength(text, position) === 0) {
        position += 1;
        continue;
      }
      position = this.readWord(text, position);
    }
  }

  /**
   * Records the word that starts at `begin`; returns where it ends. Only the case-folded hash is
   * worked out as the word is read: the exact one is the same for a word without capitals, and
   * is read again only for the few with them.
   */
  private readWord(text: string, begin: number): number {
    let end = begin;
    let folded = 0;
    let capitals = 0;
    for (;;) {
      const code = text.charCodeAt(end);
      if (code < 128) {
        const foldedCode = FOLDED_ASCII[code];
        if (foldedCode === 0) break;
        if (folded !== NOT_ASCII) {
          folded = hashStep(folded, foldedCode, false);
          capitals |= code ^ foldedCode;
        }
        end += 1;
      } else {
        const length = wordCharLength(text, end);
        if (length === 0) break;
        folded = NOT_ASCII;
        end += length;
      }
    }
    const exact = folded === NOT_ASCII || capitals === 0 ? folded : exactHash(text, begin, end);
    this.push(begin, end, exact, folded);
    return end;
  }

  private push(begin: number, end: number, exact: number, folded: number): void {
    if (this.count === this.begins.length) this.grow();
    this.begins[this.count] = begin;
    this.ends[this.count] = end;
    this.exactHashes[this.count] = exact;
    this.foldedHashes[this.count] = folded;
    this.count += 1;
  }

  private grow(): void {
    const size = this.begins.length * 2;
    const grown = (from: Int32Array) => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.begins = grown(this.begins);
    this.ends = grown(this.ends);
    this.exactHashes = grown(this.exactHashes);
    this.foldedHashes = grown(this.foldedHashes);
  }
}

/** The one shared reader: the stages run one document at a time. */
export const TEXT_WORDS = new TextWords();

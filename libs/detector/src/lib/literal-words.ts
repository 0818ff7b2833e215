/**
 * Words of a text read by char code: what `[\p{L}\p{N}]` matches, without a regex for ASCII
 * (nearly all text), and a hash of an all-ASCII word computed while it is scanned, so that a word
 * can be looked up without cutting it out of the text.
 */

/** A letter or digit: what word boundaries are made of, here and in the regex-built patterns. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A space, tab or no-break space: what may sit between the words of a literal. */
export function isInlineSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** Whether a letter or digit ends right before `index` (one outside the BMP included). */
export function wordCharBefore(text: string, index: number): boolean {
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
export function wordCharLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(index) as number;
  const width = point > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? width : 0;
}

/** Whether an ASCII code is a letter or digit. */
export function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Hashes stay below 2^30, so that V8 keeps them as small integers rather than boxing each one. */
export const HASH_MASK = 0x3fffffff;
/** The hash {@link AsciiWordScanner} reports for a word that is not all ASCII. */
export const NOT_ASCII = -1;

export function hashStep(hash: number, code: number, caseless: boolean): number {
  return (Math.imul(hash, 31) + (caseless && code <= 90 && code >= 65 ? code + 32 : code)) & HASH_MASK;
}

/** Hash of an all-ASCII key, folding case when `caseless` ({@link NOT_ASCII} otherwise): what {@link AsciiWordScanner} computes while it scans a word. */
export function asciiHash(key: string, caseless: boolean): number {
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

/** Reads words of a text: where each ends, and its {@link asciiHash} (folding case when `caseless`). */
export class AsciiWordScanner {
  /** The hash of the word {@link wordEnd} scanned last: a field, so that scanning a word allocates nothing. */
  hash = 0;

  constructor(private readonly caseless: boolean) {}

  /** Where the run of letters and digits at `position` ends (`position` itself when there is none); sets {@link hash}. */
  wordEnd(text: string, position: number): number {
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
    this.hash = hash;
    return end;
  }
}

/** Bits in a {@link HashFilter}: 8 KB, small enough to stay in the CPU's nearest cache while a text is scanned. */
const FILTER_BITS = 1 << 16;

/**
 * A set of word hashes that answers "certainly not here" or "perhaps": one bit per hash, the
 * hash's low bits its position. A few thousand hashes leave nearly every bit clear, so nearly
 * every word of a text is passed over by one array read.
 */
export class HashFilter {
  private readonly bits = new Uint32Array(FILTER_BITS >>> 5);

  add(hash: number): void {
    const bit = hash & (FILTER_BITS - 1);
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  /** False when `hash` was certainly never added. */
  mayHold(hash: number): boolean {
    const bit = hash & (FILTER_BITS - 1);
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }
}

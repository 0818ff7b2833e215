/**
 * A literal of several words matched by comparing char codes, in place of its sticky regex. Each
 * literal had a regex of its own, run a few times per document: V8 then enters a different piece
 * of compiled regex code every time, cold in the instruction cache, and builds a match array.
 * One shared loop over char codes does the same comparison for the all-ASCII literals (nearly
 * all), and hands the decision back to the regex wherever the text has a non-ASCII character,
 * whose case folding only the regex knows (K, the Kelvin sign, is k under `iu`).
 */

import { isInlineSpace, wordCharLength } from './literal-words.js';

/** `value` with every regex metacharacter escaped. */
export function escapeRegExp(value: string): string {
  // Only syntax characters: under the u flag escaping anything else (`\-`) is an error.
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The separator {@link literalSource} puts between words: spaces or tabs, never a line break. */
const INLINE_SPACE_SOURCE = '[ \\t\\u00a0]+';

/** Pattern source for a literal phrase: any run of whitespace in it matches spaces or tabs, never a line break. */
export function literalSource(literal: string): string {
  return literal.trim().split(/\s+/).map(escapeRegExp).join(INLINE_SPACE_SOURCE);
}

/** What {@link matchLiteralWords} returns when the literal does not match. */
export const NO_MATCH = -1;
/** What {@link matchLiteralWords} returns when a non-ASCII character leaves the answer to the regex. */
export const UNDECIDED = -2;

/**
 * The words of `literal`, as {@link matchLiteralWords} compares them (lower case when `caseless`),
 * when its regex `source` under `flags` is exactly {@link literalSource} of it and every word is
 * ASCII; null when only the regex can match it.
 */
export function asciiLiteralWords(literal: string, source: string, flags: string): string[] | null {
  if (!flags.includes('u') || source !== literalSource(literal)) return null;
  const words = literal.trim().split(/\s+/);
  for (const word of words) {
    for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) >= 128) return null;
  }
  const caseless = flags.includes('i');
  return caseless ? words.map((word) => word.replace(/[A-Z]/g, (capital) => capital.toLowerCase())) : words;
}

/**
 * Where the literal of `words` (from {@link asciiLiteralWords}) ends when it matches at
 * `position`, its last word not followed by a letter or digit when `wordBounded`; {@link NO_MATCH}
 * when it does not, and {@link UNDECIDED} when the text holds a non-ASCII character where a
 * word's character was expected.
 */
export function matchLiteralWords(text: string, position: number, words: readonly string[], caseless: boolean, wordBounded: boolean): number {
  let at = position;
  for (let w = 0; w < words.length; w += 1) {
    if (w > 0) {
      const spaceBegin = at;
      while (isInlineSpace(text.charCodeAt(at))) at += 1;
      if (at === spaceBegin) return NO_MATCH;
    }
    const word = words[w];
    for (let i = 0; i < word.length; i += 1) {
      const code = text.charCodeAt(at + i);
      if (code >= 128) return UNDECIDED;
      // NaN past the end of the text equals nothing.
      if ((caseless && code <= 90 && code >= 65 ? code + 32 : code) !== word.charCodeAt(i)) return NO_MATCH;
    }
    at += word.length;
  }
  return wordBounded && wordCharLength(text, at) > 0 ? NO_MATCH : at;
}

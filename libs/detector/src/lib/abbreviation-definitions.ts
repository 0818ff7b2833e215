/**
 * Abbreviations a document defines for itself: "parenteral nutrition (PN)", "Takotsubo syndrome
 * (TS)". Within that document the definition outranks any dictionary sense. The long form is found
 * as Schwartz and Hearst describe (Pacific Symposium on Biocomputing, 2003): the shortest run of
 * words before the parenthesis whose letters spell the short form in order, its first letter
 * starting a word.
 */
import type { TextRange } from './detector-doc.js';
import { isAsciiWordChar } from './literal-words.js';

/** One "long form (SF)" site in a document. */
export interface AbbreviationDefinition {
  readonly shortForm: string;
  /** The words the short form stands for, or null where they do not spell it (a translated note's "visual acuity (AV)"). */
  readonly longForm: string | null;
  /** The parenthesised short form at the definition site. */
  readonly site: TextRange;
}

// A short form: a letter, then letters, digits or hyphens, at least two capitals in all ("PN", "HbA1c").
const PARENTHESISED_SHORT_FORM = /\(([A-Za-z][A-Za-z0-9-]{1,9})\)/g;
const CAPITAL = /[A-Z]/g;
const MAX_EXTRA_WORDS = 5;

/** The first definition of each short form in `text`, by short form. */
export function findAbbreviationDefinitions(text: string): Map<string, AbbreviationDefinition> {
  const definitions = new Map<string, AbbreviationDefinition>();
  // exec on the shared pattern rather than matchAll, which copies the pattern on every call.
  PARENTHESISED_SHORT_FORM.lastIndex = 0;
  for (let match = PARENTHESISED_SHORT_FORM.exec(text); match; match = PARENTHESISED_SHORT_FORM.exec(text)) {
    const shortForm = match[1];
    if (definitions.has(shortForm) || (shortForm.match(CAPITAL)?.length ?? 0) < 2) continue;
    const begin = match.index + 1;
    const words = wordsBefore(text, match.index, Math.min(shortForm.length + MAX_EXTRA_WORDS, shortForm.length * 2));
    definitions.set(shortForm, { shortForm, longForm: spelledLongForm(shortForm, words), site: { begin, end: begin + shortForm.length } });
  }
  return definitions;
}

/** Up to `count` words before `end`, not reaching back past a sentence end, a line break or another parenthesis. */
function wordsBefore(text: string, end: number, count: number): string {
  let begin = end;
  let words = 0;
  while (begin > 0 && words < count) {
    const previous = text.charAt(begin - 1);
    if (previous === '\n' || previous === '(' || previous === ')' || previous === '.' || previous === ';' || previous === ':') break;
    begin -= 1;
    if (previous === ' ' && begin > 0 && text.charAt(begin - 1) !== ' ') words += 1;
  }
  return text.slice(begin, end).trim();
}

/**
 * The shortest tail of `candidate` whose letters spell `shortForm` from right to left, the short
 * form's first letter starting a word; null if there is none, or if it is no longer than the
 * short form itself.
 */
export function spelledLongForm(shortForm: string, candidate: string): string | null {
  const short = shortForm.toLowerCase();
  const long = candidate.toLowerCase();
  let s = short.length - 1;
  let l = long.length - 1;
  for (; s >= 0; s -= 1) {
    const char = short.charAt(s);
    if (!isAsciiWordChar(char.charCodeAt(0))) continue;
    while (l >= 0 && (long.charAt(l) !== char || (s === 0 && l > 0 && isAsciiWordChar(long.charCodeAt(l - 1))))) l -= 1;
    if (l < 0) return null;
    l -= 1;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  const longForm = candidate.slice(start).trim();
  return longForm.length > shortForm.length ? longForm : null;
}

/**
 * Name handling that regexes alone cannot do well: trimming a cue-driven candidate to the words
 * that can be a name, telling a clinical eponym ("Parkinson disease", "tetralogy of Fallot") from a
 * person, and finding the other mentions of a name found once ("Patient: Jane Roe" ... "Roe reports").
 */
import { escapeRegExp } from './compile-rules.js';
import type { NameLexicon } from './pattern-file.js';
import type { PhiSpan, TextSpan } from './phi-types.js';

/** A name lexicon prepared for lookups. */
export interface NameLexiconIndex {
  /** Lower case. */
  readonly notNames: ReadonlySet<string>;
  /** Lower case. */
  readonly eponyms: ReadonlySet<string>;
  /** Sticky: matches, at the end of a word, a possessive and a head noun ("'s disease", " syndrome"). */
  readonly eponymHeadAfter: RegExp;
}

interface WordToken extends TextSpan {
  /** Lower case, without a trailing period. */
  readonly key: string;
  /** One letter, with or without a period. */
  readonly isInitial: boolean;
  /** One letter without a period: an initial only when more name follows ("John A Smith"). */
  readonly isBareLetter: boolean;
}

const CANDIDATE_WORD = /[^\s,]+/gu;
const NAME_WORD = /\p{L}[\p{L}'’-]*/gu;
const POSSESSIVE = /['’][sS]$/u;
const OF_BEFORE = /(?:^|[^\p{L}])of[ \t]{1,2}$/iu;

/** Prepares a lexicon for {@link refineNameCandidate} and {@link propagateNames}. */
export function indexNameLexicon(lexicon: NameLexicon): NameLexiconIndex {
  const heads = [...new Set(lexicon.eponymHeads)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    notNames: new Set(lexicon.notNames.map((word) => word.toLowerCase())),
    eponyms: new Set(lexicon.eponyms.map((word) => word.toLowerCase())),
    eponymHeadAfter: new RegExp(`(?:['’]s)?[ \\t]{1,2}(?:${heads.join('|')})(?![\\p{L}])`, 'iuy'),
  };
}

function wordsOf(text: string, span: TextSpan): WordToken[] {
  const words: WordToken[] = [];
  for (const match of text.slice(span.begin, span.end).matchAll(CANDIDATE_WORD)) {
    const begin = span.begin + (match.index ?? 0);
    const key = match[0].replace(/\.$/, '').toLowerCase();
    const isInitial = key.length === 1;
    words.push({ begin, end: begin + match[0].length, key, isInitial, isBareLetter: isInitial && !match[0].endsWith('.') });
  }
  return words;
}

/**
 * Whether the word at `span` is a clinical eponym as used here: every hyphenated part is an
 * eponym ("Wolff-Parkinson-White") and a head noun follows ("Crohn's disease") or "of" precedes
 * ("tetralogy of Fallot"). "Dr. Parkinson" has neither, so it stays a name.
 */
export function isEponymUse(text: string, span: TextSpan, index: NameLexiconIndex): boolean {
  const parts = text.slice(span.begin, span.end).toLowerCase().split('-');
  if (!parts.every((part) => index.eponyms.has(part))) return false;
  index.eponymHeadAfter.lastIndex = span.end;
  if (index.eponymHeadAfter.test(text)) return true;
  return OF_BEFORE.test(text.slice(Math.max(0, span.begin - 4), span.begin));
}

/**
 * Trims a name candidate to its first run of words that can be names: drops leading words from
 * `notNames` ("Dr", "Patient"), stops at the next one ("Cardiology"), and drops a last word used as
 * an eponym. Null when fewer than `minTokens` words remain, or only initials.
 */
export function refineNameCandidate(
  text: string,
  candidate: TextSpan,
  minTokens: number,
  index: NameLexiconIndex,
): TextSpan | null {
  const words = wordsOf(text, candidate);
  // An initial is never a stop word: the "A" of "John A. Smith" is not the article.
  const canBeName = (word: WordToken) => word.isInitial || !index.notNames.has(word.key);
  const start = words.findIndex(canBeName);
  if (start < 0) return null;
  let stop = start;
  while (stop + 1 < words.length && canBeName(words[stop + 1])) stop += 1;
  const run = words.slice(start, stop + 1);
  const last = run[run.length - 1];
  if (!last.isInitial && isEponymUse(text, last, index)) run.pop();
  // A bare capital ending a name is more likely a pronoun or a list label than an initial.
  while (run.length > 0 && run[run.length - 1].isBareLetter) run.pop();
  if (run.length < minTokens || run.every((word) => word.isInitial)) return null;
  return { begin: run[0].begin, end: run[run.length - 1].end };
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** The words of the found names worth looking for elsewhere, in the spellings notes use. */
function propagatableWords(text: string, names: readonly TextSpan[], index: NameLexiconIndex): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    for (const match of text.slice(name.begin, name.end).matchAll(NAME_WORD)) {
      const word = match[0];
      if (word.length < 2 || index.notNames.has(word.toLowerCase())) continue;
      words.add(word).add(word.toUpperCase()).add(titleCase(word));
    }
  }
  return words;
}

/**
 * Every other mention of a word of an already found name, as NAME spans ("Mr. Roe" found, so
 * "Roe", "Roe's" and "ROE" elsewhere). Clinical uses of eponyms are skipped, so "Dr. Parkinson"
 * does not take "Parkinson disease" with it. One pass over the words of the text with set lookups:
 * compiling a regex of the names per document would cost more than the rest of the redaction.
 */
export function propagateNames(text: string, names: readonly TextSpan[], index: NameLexiconIndex): PhiSpan[] {
  const words = propagatableWords(text, names, index);
  if (words.size === 0) return [];
  const found: PhiSpan[] = [];
  for (const match of text.matchAll(NAME_WORD)) {
    const word = words.has(match[0]) ? match[0] : match[0].replace(POSSESSIVE, '');
    if (!words.has(word)) continue;
    const span = { begin: match.index ?? 0, end: (match.index ?? 0) + word.length };
    if (!isEponymUse(text, span, index)) found.push({ type: 'NAME', ...span });
  }
  return found;
}

import { searchTerms, stemTerm } from '@icd/terminology';

/**
 * Words that qualify a title without naming anything a note would say ("unspecified", "other",
 * "not elsewhere classified"): an entry that required them would never match clinical prose.
 */
const TITLE_NOISE = new Set(
  ['unspecified', 'other', 'specified', 'elsewhere', 'classified', 'not', 'with', 'due', 'nos', 'nec', 'site', 'sites', 'use', 'code', 'additional', 'any', 'part', 'parts'],
);

/** Roman numerals as stages and types are written ("type II", "stage IV"), read as the Index writes them. */
const ROMAN_NUMERALS: Record<string, string> = { ii: '2', iii: '3', iv: '4', v: '5' };

const cache = new Map<string, string | null>();

/** The stem the detector and its dictionary share for one lower-case word; null when it carries no content. */
export function stemOf(word: string): string | null {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = TITLE_NOISE.has(word) ? null : (ROMAN_NUMERALS[word] ?? stemTerm(word));
    cache.set(word, stem);
  }
  return stem;
}

/** Distinct content stems of a phrase, in order. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of searchTerms(text)) {
    const stem = stemOf(word);
    if (stem !== null && !stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

import { createRequire } from 'node:module';

// Only the Porter stemmer: loading all of `natural` costs a second and tens of MB.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/** Words that say nothing about which code is meant in a title, Index path or query. */
const STOP_WORDS = new Set(['of', 'the', 'and', 'or', 'a', 'an', 'in', 'to', 'for', 'by', 'on', 'at', 'as', 'is', 'nos', 'nec', 'see']);

/** Splits titles and queries into lower-case words; hyphens and apostrophes split too (`gastro-esophageal`). */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}

/** Stem of a word, or null for a stop word so that it is neither indexed nor required. */
export function stemTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  return /^\d/.test(lower) ? lower : porter.stem(lower);
}

/** Stems with a cache: titles repeat a small vocabulary many times over. */
export function createStemCache() {
  const cache = new Map<string, string | null>();
  const stemOf = (word: string): string | null => {
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = stemTerm(word);
      cache.set(word, stem);
    }
    return stem;
  };
  return {
    stemOf,
    /** Every word stemmed so far, with its stem (null for stop words). */
    entries: () => cache.entries(),
    stemsOf: (text: string): string[] => searchTerms(text).map(stemOf).filter((stem): stem is string => stem !== null),
  };
}

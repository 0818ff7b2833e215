import { CLINICAL_SYNONYMS } from './clinical-synonyms.js';
import { MORPHOLOGY_MARKERS } from './neoplasm-markers.js';
import { STEM_CACHE_LIMIT, stemOf } from './stems.js';
import type { TermDictionary } from './term-dictionary.js';

/** The stems one word offers, in the order sentence matching reads them: its own, its morphology marker, its synonyms. */
export function wordStems(normal: string): string[] {
  const stem = stemOf(normal);
  if (stem === null) return [];
  const stems = [stem];
  const marker = MORPHOLOGY_MARKERS.get(stem);
  if (marker) stems.push(marker);
  for (const synonym of CLINICAL_SYNONYMS.get(stem) ?? []) if (synonym !== stem) stems.push(synonym);
  return stems;
}

const NO_IDS: readonly number[] = Object.freeze([]);

/**
 * {@link wordStems} numbered by one dictionary, leaving out stems no entry uses, remembered per
 * word: a note repeats its words, and one lookup per token replaces a stem lookup, a marker
 * lookup, a synonym lookup and a stem-number lookup per stem.
 */
export class WordStemIds {
  private readonly byWord = new Map<string, readonly number[]>();

  constructor(private readonly dictionary: TermDictionary) {}

  of(normal: string): readonly number[] {
    let ids = this.byWord.get(normal);
    if (ids === undefined) {
      ids = this.number(wordStems(normal));
      // Bounded like the stem cache: clinical text brings new words without end.
      if (this.byWord.size >= STEM_CACHE_LIMIT) this.byWord.clear();
      this.byWord.set(normal, ids);
    }
    return ids;
  }

  /** The dictionary's numbers for `stems`, in order, without those it does not know. */
  number(stems: readonly string[]): readonly number[] {
    let ids: number[] | null = null;
    for (const stem of stems) {
      const id = this.dictionary.stemIds.get(stem);
      if (id !== undefined) (ids ??= []).push(id);
    }
    return ids ?? NO_IDS;
  }

  get size(): number {
    return this.byWord.size;
  }
}

const byDictionary = new WeakMap<TermDictionary, WordStemIds>();

/** The shared {@link WordStemIds} of `dictionary`. */
export function wordStemIdsOf(dictionary: TermDictionary): WordStemIds {
  let ids = byDictionary.get(dictionary);
  if (!ids) {
    ids = new WordStemIds(dictionary);
    byDictionary.set(dictionary, ids);
  }
  return ids;
}

/** A vocabulary entry a query word stands for, and how much that match is worth. */
export interface TermMatch {
  term: number;
  weight: number;
}

const FUZZY_WEIGHT = 0.7;
const PREFIX_WEIGHT = 0.75;
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 4;
const MAX_PREFIX_EXPANSIONS = 40;

export interface VocabularyMatcher {
  /** Vocabulary entries for a query word (as typed, lower case) and its stem. */
  match(word: string, stem: string, isLastWord: boolean): TermMatch[];
  /** Builds the typo index now rather than at the first misspelt word. */
  prepare(): void;
}

/**
 * Finds the vocabulary stems a query word may mean: its own stem; when that is not in the
 * vocabulary, the stems of the known words one edit away from the word as typed (insert, delete,
 * substitute or swap, through a symmetric-delete index: typos are matched before stemming, which
 * would otherwise hide them, `hypertensoin`); and for the last word of a query, the stems it begins
 * (the user may still be typing).
 */
export function createVocabularyMatcher(vocabulary: readonly string[], words: readonly string[], wordStems: readonly number[]): VocabularyMatcher {
  const positions = new Map(vocabulary.map((term, position) => [term, position]));
  const wordPositions = new Map(words.map((word, position) => [word, position]));
  let deletions: Map<string, number[]> | null = null;

  function deletionIndex(): Map<string, number[]> {
    if (deletions) return deletions;
    const index = new Map<string, number[]>();
    words.forEach((word, position) => {
      if (word.length < MIN_FUZZY_LENGTH) return;
      for (const variant of withOneDeletion(word)) {
        const list = index.get(variant);
        if (list) list.push(position);
        else index.set(variant, [position]);
      }
    });
    deletions = index;
    return index;
  }

  function fuzzy(word: string): TermMatch[] {
    const stems = new Set<number>();
    const index = deletionIndex();
    for (const variant of [word, ...withOneDeletion(word)]) {
      for (const position of index.get(variant) ?? []) stems.add(wordStems[position]);
      const exact = wordPositions.get(variant);
      if (exact !== undefined) stems.add(wordStems[exact]);
    }
    return [...stems].map((term) => ({ term, weight: FUZZY_WEIGHT }));
  }

  function prefixed(stem: string): TermMatch[] {
    const matches: TermMatch[] = [];
    for (let position = lowerBound(vocabulary, stem); position < vocabulary.length; position++) {
      const term = vocabulary[position];
      if (!term.startsWith(stem) || matches.length >= MAX_PREFIX_EXPANSIONS) break;
      if (term !== stem) matches.push({ term: position, weight: PREFIX_WEIGHT });
    }
    return matches;
  }

  return {
    prepare: () => void deletionIndex(),
    match(word, stem, isLastWord) {
      const exact = positions.get(stem);
      const matches: TermMatch[] = exact === undefined ? [] : [{ term: exact, weight: 1 }];
      if (exact === undefined && word.length >= MIN_FUZZY_LENGTH) matches.push(...fuzzy(word));
      if (isLastWord && stem.length >= MIN_PREFIX_LENGTH) matches.push(...prefixed(stem));
      return matches;
    },
  };
}

function withOneDeletion(word: string): string[] {
  const variants: string[] = [];
  for (let position = 0; position < word.length; position++) variants.push(word.slice(0, position) + word.slice(position + 1));
  return variants;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

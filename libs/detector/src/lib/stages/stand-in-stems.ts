/**
 * Stems a token offers in place of its own, where what it stands for runs over more tokens than
 * itself: an abbreviation's expansion ("E. coli" is Escherichia coli), and a number with the
 * letter written against it ("stage 3b", which wink-nlp splits into "3" and "b").
 */
import type { DetectorDoc, Token } from '../detector-doc.js';
import type { WordStemIds } from '../dictionary/word-stem-ids.js';

export interface StandInStems {
  /** Stem numbers keyed by the first token of what they stand for. */
  readonly stems: Map<number, readonly number[]>;
  /** Where what each stands for ends, by the same key: a match ending at that token ends there. */
  readonly ends: Map<number, number>;
}

export function standInStems(doc: DetectorDoc, words: WordStemIds): StandInStems {
  const stems = new Map<number, readonly number[]>();
  const ends = new Map<number, number>();
  addExpansions(doc, words, stems, ends);
  addLetteredNumbers(doc.tokens, words, stems, ends);
  return { stems, ends };
}

function addExpansions(doc: DetectorDoc, words: WordStemIds, stems: Map<number, readonly number[]>, ends: Map<number, number>): void {
  let tokenIndex = 0;
  for (const expansion of doc.expansions) {
    while (tokenIndex < doc.tokens.length && doc.tokens[tokenIndex].end <= expansion.begin) tokenIndex += 1;
    if (tokenIndex >= doc.tokens.length) continue;
    stems.set(tokenIndex, words.ofPhrase(expansion.expansion));
    ends.set(tokenIndex, expansion.end);
  }
}

/**
 * A number with a single letter written against it reads as the classification writes it
 * ("3b", as in "Chronic kidney disease, stage 3b"), where the dictionary knows that stem, as well
 * as the number it is. An abbreviation at the number keeps its reading.
 */
function addLetteredNumbers(tokens: readonly Token[], words: WordStemIds, stems: Map<number, readonly number[]>, ends: Map<number, number>): void {
  for (let index = 0; index + 1 < tokens.length; index += 1) {
    if (stems.has(index)) continue;
    const lettered = letteredNumberAt(tokens, index);
    if (lettered === null) continue;
    const joined = words.ofPhrase(lettered);
    if (joined.length === 0) continue;
    // The number's own stem too: the Index's "stage 3" (N18.3) then narrows, by the "3b", to N18.32.
    stems.set(index, [...joined, ...words.of(tokens[index].normal)]);
    ends.set(index, tokens[index + 1].begin + 1);
  }
}

/**
 * Token `index`, a number, with the single letter written against it, as one word ("3" and "b."
 * as "3b"), or null. wink-nlp splits them, and keeps a sentence's final period on the letter.
 */
export function letteredNumberAt(tokens: readonly Token[], index: number): string | null {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (token.kind !== 'number' || next === undefined || next.begin !== token.end || next.kind !== 'word') return null;
  const letter = next.normal.endsWith('.') ? next.normal.slice(0, -1) : next.normal;
  return letter.length === 1 ? `${token.normal}${letter}` : null;
}

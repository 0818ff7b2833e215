import { indexPath } from './code-record.js';
import type { CompiledSearchIndex, CompiledTerminology } from './model-types.js';
import type { CodeSummary, SearchHit } from './public-types.js';
import { expandLaySynonyms } from './lay-synonyms.js';
import { DOC_SOURCES } from './search-index-builder.js';
import { createStemCache, searchTerms } from './search-terms.js';
import { createVocabularyMatcher, type TermMatch } from './vocabulary-matcher.js';

/** Index paths and inclusion terms describe a code as coders look it up; titles are the fallback. */
const SOURCE_WEIGHT = [1, 1.05, 1.15];
/** Seventh-character siblings repeat their base title: lean towards the shorter code. */
const SEVENTH_CHARACTER_WEIGHT = 0.85;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** A document must match at least this share of the query's words to be listed. */
const MIN_COVERAGE = 0.5;
/** A word found only among an Index entry's nonessential modifiers counts for less than one in its title. */
const MODIFIER_WEIGHT = 0.7;

export interface SearchIndex {
  search(query: string, limit: number): SearchHit[];
  prepare(): void;
  readonly documentCount: number;
}

/**
 * Ranked search over the compiled inverted index: BM25 over stems, weighted by the share of the
 * query's words a document covers, so word order does not matter, plurals meet their singular
 * through the stemmer, and a misspelt word meets its vocabulary neighbours one edit away.
 */
export function createSearchIndex(model: CompiledTerminology, summary: (code: string) => CodeSummary | null): SearchIndex {
  const index = model.search;
  const docCount = index.docCode.length;
  const averageLength = index.docLength.reduce((sum, length) => sum + length, 0) / Math.max(1, docCount);
  const stems = createStemCache();
  const vocabulary = createVocabularyMatcher(index.vocabulary, index.words, index.wordStems);
  const scores = new Float64Array(docCount);
  const covered = new Float64Array(docCount);
  const touched: number[] = [];
  const termGain = new Float64Array(docCount);
  const termTouched: number[] = [];

  function scoreVariant(text: string, variantWeight: number, best: Map<number, { score: number; doc: number }>): void {
    const queryWords = queryWordsOf(text, stems);
    if (queryWords.length === 0) return;
    queryWords.forEach(({ word, stem }, position) => accumulate(vocabulary.match(word, stem, position === queryWords.length - 1)));
    for (const doc of touched) {
      const coverage = covered[doc] / queryWords.length;
      if (coverage >= MIN_COVERAGE) {
        const code = index.docCode[doc];
        const weight = SOURCE_WEIGHT[index.docSource[doc]] * (model.codes[code].code.length === 7 ? SEVENTH_CHARACTER_WEIGHT : 1);
        const score = scores[doc] * coverage * coverage * weight * variantWeight;
        const seen = best.get(code);
        if (!seen || seen.score < score) best.set(code, { score, doc });
      }
      scores[doc] = 0;
      covered[doc] = 0;
    }
    touched.length = 0;
  }

  function gather(postings: number[], weightedIdf: number): void {
    for (const doc of postings) {
      const gain = weightedIdf / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * index.docLength[doc]) / averageLength));
      if (termGain[doc] === 0) termTouched.push(doc);
      if (gain > termGain[doc]) termGain[doc] = gain;
    }
  }

  /** One query word: every document holding any of its matches scores once, with the best match's weight. */
  function accumulate(matches: TermMatch[]): void {
    for (const match of matches) {
      const frequency = index.postings[match.term].length + index.modifierPostings[match.term].length;
      const weightedIdf = Math.log(1 + docCount / frequency) * match.weight * (BM25_K1 + 1);
      gather(index.postings[match.term], weightedIdf);
      gather(index.modifierPostings[match.term], weightedIdf * MODIFIER_WEIGHT);
    }
    for (const doc of termTouched) {
      if (covered[doc] === 0) touched.push(doc);
      scores[doc] += termGain[doc];
      covered[doc] += 1;
      termGain[doc] = 0;
    }
    termTouched.length = 0;
  }

  function search(query: string, limit: number): SearchHit[] {
    const best = new Map<number, { score: number; doc: number }>();
    for (const variant of expandLaySynonyms(query)) scoreVariant(variant.text, variant.weight, best);
    return toHits(model, summary, best, limit);
  }

  return { search, documentCount: docCount, prepare: () => vocabulary.prepare() };
}

/** The best documents' codes, scored relative to the first. */
function toHits(
  model: CompiledTerminology,
  summary: (code: string) => CodeSummary | null,
  best: ReadonlyMap<number, { score: number; doc: number }>,
  limit: number,
): SearchHit[] {
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, limit);
  const top = ranked[0]?.[1].score ?? 1;
  return ranked.map(([code, { score, doc }]) => {
    const entry = summary(model.codes[code].code) as CodeSummary;
    return { ...entry, score: Math.round((score / top) * 1000) / 1000, matched: describeMatch(model, doc) };
  });
}

/** Distinct query words with their stems, stop words left out. */
function queryWordsOf(text: string, stems: ReturnType<typeof createStemCache>): { word: string; stem: string }[] {
  const seen = new Set<string>();
  const result: { word: string; stem: string }[] = [];
  for (const word of searchTerms(text)) {
    const stem = stems.stemOf(word);
    if (stem === null || seen.has(stem)) continue;
    seen.add(stem);
    result.push({ word, stem });
  }
  return result;
}

function describeMatch(model: CompiledTerminology, doc: number): SearchHit['matched'] {
  const index: CompiledSearchIndex = model.search;
  const source = DOC_SOURCES[index.docSource[doc]];
  const ref = index.docRef[doc];
  if (source === 'title') return { source, text: model.codes[ref].longTitle };
  if (source === 'inclusion') return { source, text: index.inclusionTexts[ref] };
  const term = model.indexTerms[ref];
  const path = indexPath(model, ref).map((step) => step.title).join(' > ');
  return { source, text: term.code ? `${path} ${term.code}` : `${path} (see ${term.see ?? ''})` };
}

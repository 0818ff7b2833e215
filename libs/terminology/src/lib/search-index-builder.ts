import { undotCode } from './code.js';
import type { CompiledSearchIndex, CompiledTerminology } from './model-types.js';
import { createStemCache } from './search-terms.js';

/** Where a search document's text comes from. */
export const DOC_SOURCES = ['title', 'inclusion', 'index'] as const;

/**
 * Inverted index over titles, inclusion terms and Index paths, built once with the artifact so
 * that loading it is a JSON parse. Index terms reached only through `see` are indexed under the
 * code their reference leads to (`Attack > coronary` -> I21.9).
 */
export function buildSearchIndex(
  model: Omit<CompiledTerminology, 'search'>,
  seeTargets: ReadonlyMap<number, string>,
): CompiledSearchIndex {
  const stems = createStemCache();
  const codePosition = new Map(model.codes.map((code, position) => [code.code, position]));
  const postings = new Map<string, number[]>();
  const modifierPostings = new Map<string, number[]>();
  const index: CompiledSearchIndex = {
    vocabulary: [],
    postings: [],
    modifierPostings: [],
    docCode: [],
    docSource: [],
    docRef: [],
    docLength: [],
    inclusionTexts: [],
    words: [],
    wordStems: [],
  };

  const addDocument = (code: string, source: number, ref: number, text: string, modifiers = '') => {
    const position = codePosition.get(code);
    if (position === undefined) return;
    const essential = new Set(stems.stemsOf(text));
    const modifierOnly = stems.stemsOf(modifiers).filter((stem) => !essential.has(stem));
    if (essential.size === 0) return;
    const docId = index.docCode.length;
    index.docCode.push(position);
    index.docSource.push(source);
    index.docRef.push(ref);
    index.docLength.push(essential.size);
    for (const term of essential) addPosting(postings, term, docId);
    for (const term of new Set(modifierOnly)) addPosting(modifierPostings, term, docId);
  };

  model.codes.forEach((code, position) => addDocument(code.code, 0, position, code.longTitle));
  for (const [code, notes] of Object.entries(model.notes)) {
    for (const text of notes.inclusionTerms) {
      index.inclusionTexts.push(text);
      addDocument(code, 1, index.inclusionTexts.length - 1, text);
    }
  }
  model.indexTerms.forEach((term, termId) => {
    const code = model.indexTermCodes[termId] ?? seeTargets.get(termId);
    if (!code) return;
    const path = indexPathParts(model, termId);
    addDocument(undotCode(code), 2, termId, path.titles, path.modifiers);
  });

  index.vocabulary = [...new Set([...postings.keys(), ...modifierPostings.keys()])].sort();
  index.postings = index.vocabulary.map((term) => postings.get(term) ?? []);
  index.modifierPostings = index.vocabulary.map((term) => modifierPostings.get(term) ?? []);
  const stemPosition = new Map(index.vocabulary.map((stem, position) => [stem, position]));
  for (const [word, stem] of [...stems.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const position = stem === null ? undefined : stemPosition.get(stem);
    if (position === undefined) continue;
    index.words.push(word);
    index.wordStems.push(position);
  }
  return index;
}

function addPosting(postings: Map<string, number[]>, term: string, docId: number): void {
  const list = postings.get(term);
  if (list) list.push(docId);
  else postings.set(term, [docId]);
}

/** Titles and nonessential modifiers from the main term down: both say what the entry is about. */
function indexPathParts(model: Omit<CompiledTerminology, 'search'>, termId: number) {
  const titles: string[] = [];
  const modifiers: string[] = [];
  for (let id = termId; id >= 0; id = model.indexTerms[id].parent) {
    titles.unshift(model.indexTerms[id].title);
    modifiers.unshift(model.indexTerms[id].nemod);
  }
  return { titles: titles.join(' '), modifiers: modifiers.join(' ') };
}

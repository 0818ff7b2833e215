import type { Terminology } from '@icd/terminology';
import { createDetectorDoc } from '../detector-doc.js';
import { contentStems, stemOf } from '../dictionary/stems.js';
import { CLINICAL_SYNONYMS } from '../dictionary/clinical-synonyms.js';
import { MORPHOLOGY_MARKERS } from '../dictionary/neoplasm-markers.js';
import { indexTitleVariants } from '../dictionary/terminology-entries.js';
import { NEGATION_WORDS } from '../dictionary/word-stem-ids.js';
import { runStagesOnDoc, defaultStageDeps, TEXT_STAGES, stagesThrough } from '../pipeline.js';
import type { LexiconFileContent } from '../coding/learned-data.js';
import { LEXICON_EXCLUDED_STEMS } from './lexicon-exclusions.js';

export interface TrainingDocument {
  id: string;
  text: string;
  /** Gold codes, dotted. */
  codes: ReadonlySet<string>;
}

export interface LexiconMiningOptions {
  /** Longest phrase, in content words. */
  maxWords?: number;
  /** Documents a phrase and its code must share. */
  minSupport?: number;
  /** Documents enough for a phrase that shares a word with how the classification names the code. */
  minSupportRelated?: number;
  /** Share of the documents with the phrase that carry the code. */
  minPrecision?: number;
  /** How many times likelier the code is with the phrase than without. */
  minLift?: number;
  /** Lift above which a phrase is kept even when it shares no word with how the classification names the code. */
  minLiftUnrelated?: number;
}

const DEFAULTS: Required<LexiconMiningOptions> = { maxWords: 3, minSupport: 5, minSupportRelated: 3, minPrecision: 0.5, minLift: 2.5, minLiftUnrelated: 6 };

/** Imagined documents at the code's base rate added to every phrase, so that a phrase seen in few documents cannot look precise by chance. */
const SMOOTHING_DOCUMENTS = 4;

/**
 * Phrasings of codes learned from coded documents: a phrase of up to three content words is kept
 * for a code when the documents that contain it carry the code far more often than others do.
 * No offsets are needed: association over documents is enough, and at detection time the phrase's
 * own position is the evidence.
 */
export function mineLexicon(terminology: Terminology, documents: readonly TrainingDocument[], options: LexiconMiningOptions = {}): LexiconFileContent {
  const settings = { ...DEFAULTS, ...options };
  const phraseDocs = new Map<string, Set<number>>();
  const codeFrequency = new Map<string, number>();
  const docCodes = documents.map((document, index) => {
    for (const phrase of phrasesOf(document.text, settings.maxWords)) addTo(phraseDocs, phrase, index);
    const codes = new Set([...document.codes].map((gold) => terminology.bridge(gold)).filter((code): code is string => code !== null));
    for (const code of codes) codeFrequency.set(code, (codeFrequency.get(code) ?? 0) + 1);
    return codes;
  });
  const vocabularyOf = createCodeVocabulary(terminology);
  const mainTerms = mainTermCategories(terminology);
  const namesOnlyASite = createSiteVocabulary(terminology);
  const entries: MinedEntry[] = [];
  for (const [phrase, docs] of phraseDocs) {
    const leastSupport = Math.min(settings.minSupport, settings.minSupportRelated);
    if (docs.size < leastSupport || !isInformative(phrase) || namesOnlyASite(phrase)) continue;
    for (const [code, support] of countCodes(docs, docCodes)) {
      if (support < leastSupport) continue;
      const baseRate = (codeFrequency.get(code) ?? 1) / documents.length;
      const precision = (support + SMOOTHING_DOCUMENTS * baseRate) / (docs.size + SMOOTHING_DOCUMENTS);
      const lift = precision / baseRate;
      const related = phrase.split(' ').some((stem) => vocabularyOf(code).has(stem));
      if (support < (related ? settings.minSupportRelated : settings.minSupport)) continue;
      if (precision >= settings.minPrecision && lift >= (related ? settings.minLift : settings.minLiftUnrelated)) {
        entries.push({ stems: phrase.split(' '), code, support, precision: round(precision), related });
      }
    }
  }
  const kept = withoutComorbidityPhrases(entries, mainTerms).map(({ related: _related, ...entry }) => entry);
  return { source: `CodiEsp train (${documents.length} documents)`, entries: withoutRedundantPhrases(kept) };
}

type MinedEntry = LexiconFileContent['entries'][number] & { related: boolean };

/**
 * Drops a phrase learned for a code whose wording it does not share when the classification's
 * wording makes it the phrasing of a code in another category: "dyslipidemia" beside type 2
 * diabetes is a condition that comes with it, not a way to write it, and as evidence for E11.9
 * would mislead the coder who reviews it. The classification's wording is that of the phrases
 * learned for other codes and that of the Index's main terms: "cirrhosis" beside hepatitis C is
 * the Index's Cirrhosis (K74), not B19.20. A sibling is kept: "lymphadenopathy" (R59.1 by its
 * wording) for R59.9 is the coders' choice of code for the same finding.
 */
function withoutComorbidityPhrases(entries: readonly MinedEntry[], mainTerms: ReadonlyMap<string, ReadonlySet<string>>): MinedEntry[] {
  const categoriesNamed = new Map<string, Set<string>>();
  for (const entry of entries) if (entry.related) addTo(categoriesNamed, entry.stems.join(' '), categoryOf(entry.code));
  return entries.filter((entry) => {
    if (entry.related) return true;
    const phrase = entry.stems.join(' ');
    const category = categoryOf(entry.code);
    const named = categoriesNamed.get(phrase);
    const indexed = mainTerms.get(phrase);
    return (!named || named.has(category)) && (!indexed || indexed.has(category));
  });
}

/** The categories each name of a coded Index main term, as the dictionary reads it, leads to, by the name's stems ("cirrhosi" -> K74). */
function mainTermCategories(terminology: Terminology): Map<string, Set<string>> {
  const { indexTerms, indexTermCodes } = terminology.compiled;
  const categories = new Map<string, Set<string>>();
  indexTerms.forEach((term, id) => {
    const code = indexTermCodes[id];
    if (term.parent >= 0 || term.source !== 'index' || !code) return;
    for (const name of indexTitleVariants(term.title, true)) {
      const stems = contentStems(name);
      if (stems.length > 0) addTo(categories, stems.join(' '), categoryOf(code));
    }
  });
  return categories;
}

function categoryOf(code: string): string {
  return code.slice(0, 3);
}

/**
 * The words the classification uses for a code: its title and its ancestors', its inclusion
 * terms, and the Index paths that lead to it. A phrase that shares none of them needs much
 * stronger evidence: it is more likely a coincidence of the training cases than a phrasing.
 */
function createCodeVocabulary(terminology: Terminology) {
  const cache = new Map<string, Set<string>>();
  return (code: string): Set<string> => {
    let vocabulary = cache.get(code);
    if (!vocabulary) {
      const record = terminology.lookup(code);
      const texts = [
        record?.title ?? '',
        ...terminology.ancestors(code).map((ancestor) => ancestor.title),
        ...(record?.notes.inclusionTerms ?? []),
        ...(record?.indexEntries.map((entry) => entry.path.map((step) => step.title).join(' ')) ?? []),
        ...(record?.indexEntries.flatMap((entry) => crossReferencesOnPath(terminology, entry.termId)) ?? []),
        ...(record?.children.map((child) => child.title) ?? []),
      ];
      vocabulary = new Set(texts.flatMap((text) => contentStems(text)));
      cache.set(code, vocabulary);
    }
    return vocabulary;
  };
}

/**
 * The "see also" references of an Index term and the terms above it ("Illness, see also Disease"
 * -> R69): the Index's own word that a phrase names the same condition.
 */
function crossReferencesOnPath(terminology: Terminology, termId: number): string[] {
  const terms = terminology.compiled.indexTerms;
  const references: string[] = [];
  for (let id = termId; id >= 0 && id < terms.length; id = terms[id].parent) {
    const seeAlso = terms[id].seeAlso;
    if (seeAlso) references.push(seeAlso);
  }
  return references;
}

/**
 * The head stems of the Index's main terms that name a condition: coded, or with subterms
 * ("Disease, diseased" -> diseas). A main term that only sends the reader on ("Kidney - see
 * condition") names a place.
 */
function conditionMainTermStems(terminology: Terminology): Set<string> {
  const { indexTerms, indexTermCodes } = terminology.compiled;
  const withSubterms = new Set<number>();
  for (const term of indexTerms) if (term.parent >= 0) withSubterms.add(term.parent);
  const stems = new Set<string>();
  indexTerms.forEach((term, id) => {
    if (term.parent >= 0 || term.source !== 'index' || (!indexTermCodes[id] && !withSubterms.has(id))) return;
    // The head word only: in "Shutdown, renal" the condition is the shutdown, and "renal" a place.
    for (const name of indexTitleVariants(term.title, true)) {
      const head = contentStems(name)[0];
      if (head !== undefined) stems.add(head);
    }
  });
  return stems;
}

/** Words that say which side, which a site's name may carry ("right kidney"). */
const SIDE_WORDS = ['right', 'left', 'bilateral', 'both'];

/**
 * Whether a phrase's words all name a place in the body: the sites of the Neoplasm Table and the
 * words for a side. "Right kidney" and "bladder wall" went with N28.89 and hematuria in the
 * training cases, but as evidence a coder reviews they name where, not what.
 */
function createSiteVocabulary(terminology: Terminology): (phrase: string) => boolean {
  const conditions = conditionMainTermStems(terminology);
  const sites = new Set(SIDE_WORDS.map((word) => stemOf(word)).filter((stem): stem is string => stem !== null));
  for (const table of terminology.compiled.tables) {
    if (table.kind !== 'neoplasm') continue;
    // The Table's rows also name morphologies under a site ("basal cell carcinoma") and the odd
    // condition: a word of an Index main term ("Disease", "Lesion"), or a morphology, is no site.
    for (const row of table.rows) {
      if (row.parent < 0) continue;
      for (const stem of contentStems(row.title)) if (!conditions.has(stem) && !MORPHOLOGY_MARKERS.has(stem)) sites.add(stem);
    }
  }
  const isSite = (stem: string) => sites.has(stem) || (CLINICAL_SYNONYMS.get(stem) ?? []).some((synonym) => sites.has(synonym));
  return (phrase) => phrase.split(' ').every(isSite);
}

/**
 * Distinct runs of up to `maxWords` content stems within a sentence. A negation word ends a run
 * and is no part of one: a phrase that carried it ("no pain") would match "no chest pain" with
 * the denial inside the match, where assertion cannot read it as one.
 */
function phrasesOf(text: string, maxWords: number): Set<string> {
  const doc = runStagesOnDoc(createDetectorDoc(text), stagesThrough('tokenize', TEXT_STAGES), defaultStageDeps());
  const phrases = new Set<string>();
  for (const sentence of doc.sentences) {
    let stems: string[] = [];
    for (let index = sentence.tokenBegin; index < sentence.tokenEnd; index += 1) {
      const token = doc.tokens[index];
      if (token.kind !== 'word') continue;
      if (NEGATION_WORDS.has(token.normal)) {
        addRuns(phrases, stems, maxWords);
        stems = [];
        continue;
      }
      const stem = stemOf(token.normal);
      if (stem !== null) stems.push(stem);
    }
    addRuns(phrases, stems, maxWords);
  }
  return phrases;
}

/** Every run of up to `maxWords` distinct stems of `stems`, as a phrase. */
function addRuns(phrases: Set<string>, stems: readonly string[], maxWords: number): void {
  for (let start = 0; start < stems.length; start += 1) {
    for (let length = 1; length <= maxWords && start + length <= stems.length; length += 1) {
      const words = stems.slice(start, start + length);
      if (new Set(words).size === words.length) phrases.add(words.join(' '));
    }
  }
}

/**
 * Phrases of short or stop-like stems only say nothing about a code, and a phrase with a word for
 * a test, a procedure or a place ({@link LEXICON_EXCLUDED_STEMS}) names no condition a coder could check.
 */
function isInformative(phrase: string): boolean {
  const stems = phrase.split(' ');
  return stems.some((stem) => stem.length >= 4 && !/^\d/.test(stem)) && !stems.some((stem) => LEXICON_EXCLUDED_STEMS.has(stem));
}

/** A longer phrase stays only where it is more precise than each shorter phrase inside it for the same code. */
function withoutRedundantPhrases(entries: LexiconFileContent['entries']): LexiconFileContent['entries'] {
  const precisionOf = new Map(entries.map((entry) => [`${entry.stems.join(' ')}|${entry.code}`, entry.precision]));
  return entries.filter((entry) => {
    if (entry.stems.length === 1) return true;
    for (let length = 1; length < entry.stems.length; length += 1) {
      for (let start = 0; start + length <= entry.stems.length; start += 1) {
        const shorter = precisionOf.get(`${entry.stems.slice(start, start + length).join(' ')}|${entry.code}`);
        if (shorter !== undefined && shorter >= entry.precision - 0.05) return false;
      }
    }
    return true;
  });
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** How many of `docs` carry each code. */
function countCodes(docs: ReadonlySet<number>, docCodes: readonly ReadonlySet<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const code of docCodes[doc]) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Finds condition mentions: dictionary entries (Index paths, titles, inclusion terms, Neoplasm
 * Table sites, mined phrasings) whose words all occur close together in one sentence. Matches
 * that share tokens form one mention; its candidates are every entry matched there.
 */
import type { CandidateMatch, DetectorDoc, DetectorMention, MentionCandidates, Sentence, TextRange } from '../detector-doc.js';
import { requireStages, withLayers } from '../detector-doc.js';
import { createMention } from '../mentions.js';
import type { Stage } from '../stage.js';
import { sortInPlace } from '../stable-sort.js';
import { SECONDARY_MARKER } from '../dictionary/neoplasm-markers.js';
import { organizationNameTokens } from '../dictionary/organization-names.js';
import { findingPhraseTokens } from '../dictionary/finding-phrases.js';
import { matchSentenceStemIds, type SentenceMatch } from '../dictionary/sentence-matcher.js';
import type { TermDictionary } from '../dictionary/term-dictionary.js';
import { type TokenWords, WORD_FLAGS, wordStemIdsOf } from '../dictionary/word-stem-ids.js';
import { EXPAND_ABBREVIATIONS_STAGE } from './expand-abbreviations.js';
import { separatorsBetweenConditions } from './list-qualifiers.js';
import { separatorsFor, withoutBorrowedWords, withoutComposedReadings } from './borrowed-words.js';
import { withClassificationCommas } from './verbatim-commas.js';
import { standInStems } from './stand-in-stems.js';
import { SECTIONIZE_STAGE } from './sectionize.js';
import { TOKENIZE_STAGE } from './tokenize.js';

export const MATCH_TERMS_STAGE = 'match-terms';

/**
 * A reading the training cases found right less often than this hides no narrower reading of its
 * words: "Severe abdominal pain (generalized) (with abdominal rigidity)", an inclusion term of
 * R10.0 that coders seldom chose, would otherwise leave "severe abdominal pain" with no code at
 * all when the ranker rejects R10.0, rather than with the abdominal pain (R10.9) it names.
 */
const MIN_HIDING_PRECISION = 0.2;

/** No stem number: the dictionary has no Neoplasm Table entries. */
const NO_STEM = -1;

export const matchTerms: Stage = (doc, deps) => {
  requireStages(doc, MATCH_TERMS_STAGE, [TOKENIZE_STAGE, SECTIONIZE_STAGE, EXPAND_ABBREVIATIONS_STAGE]);
  if (!deps.coding) throw new Error(`detector: stage "${MATCH_TERMS_STAGE}" needs a coding model (terminology and dictionary)`);
  const words = wordStemIdsOf(deps.coding.dictionary);
  const standIns = standInStems(doc, words);
  const tokenWords = words.entriesOf(doc.tokens);
  const mentions: DetectorMention[] = [];
  const candidates: MentionCandidates[] = [];
  const stems = sentenceStems;
  const headers = sectionHeaders(doc);
  const secondaryStem = deps.coding.dictionary.stemIds.get(SECONDARY_MARKER) ?? NO_STEM;
  const { entryScores } = deps.coding;
  const hides = (entry: number) => entryScores[entry] >= MIN_HIDING_PRECISION;
  let nextHeader = 0;
  for (const sentence of doc.sentences) {
    while (nextHeader < headers.length && headers[nextHeader].end <= sentence.begin) nextHeader += 1;
    const header = nextHeader < headers.length && headers[nextHeader].begin < sentence.end ? headers[nextHeader] : null;
    sentenceStemIds(doc, sentence, header === null ? sentence.tokenBegin : firstTokenFrom(doc, sentence, header.end), standIns.stems, tokenWords, stems, secondaryStem);
    if (stems.count === 0) continue;
    const separators = stems.listSeparators.length === 0 ? stems.listSeparators : separatorsBetweenConditions(tokenWords, sentence, stems.listSeparators, deps.coding.dictionary.standaloneStems);
    const placed = matchSentenceStemIds(deps.coding.dictionary, stems.stemIds, stems.tokens, deps.coding.asksForAdditionalCode, separators, stems.count, stems, hides);
    const listSeparators = separatorsFor(doc, separators);
    const matches = withoutComposedReadings(withoutBorrowedWords(withClassificationCommas(placed, doc), listSeparators, doc), listSeparators);
    for (const group of groupByToken(matches)) {
      mentions.push(createMention(doc, mentionRange(doc, group, standIns.ends)));
      candidates.push({ matches: group.map(toCandidate) });
    }
  }
  return withLayers(doc, MATCH_TERMS_STAGE, { mentions, candidates });
};

/**
 * The section headers, in text order. A header names the part of the note ("HPI", "History of
 * present illness"), not a condition of the patient: its words are not matched.
 */
function sectionHeaders(doc: DetectorDoc): TextRange[] {
  const headers: TextRange[] = [];
  for (const section of doc.sections) if (section.header !== null) headers.push(section.header);
  return headers;
}

/** The first token of `sentence` that begins at or after `offset`. */
function firstTokenFrom(doc: DetectorDoc, sentence: Sentence, offset: number): number {
  let index = sentence.tokenBegin;
  while (index < sentence.tokenEnd && doc.tokens[index].begin < offset) index += 1;
  return index;
}

/**
 * A sentence's stems as dictionary numbers, each beside the token it sits at: the first `count`
 * of each array. Refilled for every sentence; typed arrays with a count, because emptying a
 * JavaScript array releases its storage and every sentence would allocate it again.
 */
interface SentenceStemIds {
  stemIds: Int32Array;
  tokens: Int32Array;
  count: number;
  /** The sentence's list separators ({@link WORD_FLAGS}), read in the same pass as its stems. */
  listSeparators: number[];
  /** Its negation words ({@link WORD_FLAGS}), which a match does not bridge. */
  negations: number[];
  /** Its origin words ({@link WORD_FLAGS}), which a Neoplasm Table match does not bridge. */
  origins: number[];
  /** Its linking words ({@link WORD_FLAGS}), which only an Index "with" combination bridges. */
  links: number[];
  /** Its destination words right after a word for spread ("metastatic to"), where a Neoplasm Table match's sites part. */
  destinations: number[];
}

/**
 * Fills `into` with every stem the sentence offers from `firstToken` on that the dictionary
 * knows, and with its list separators; the words of a department's name and the misleading word
 * of a finding phrase ("ST depression") offer no stem.
 */
function sentenceStemIds(
  doc: DetectorDoc,
  sentence: Sentence,
  firstToken: number,
  standInStems: ReadonlyMap<number, readonly number[]>,
  words: TokenWords,
  into: SentenceStemIds,
  secondaryStem: number,
): void {
  into.count = 0;
  into.listSeparators = [];
  into.negations = [];
  into.origins = [];
  into.links = [];
  into.destinations = [];
  const { wordOf, stemPool, stemsFrom, stemsTo } = words;
  const masked = maskedTokens(doc, wordOf, sentence);
  for (let index = firstToken; index < sentence.tokenEnd; index += 1) {
    const word = wordOf[index];
    if ((word & WORD_FLAGS.listSeparator) !== 0) into.listSeparators.push(index);
    if ((word & WORD_FLAGS.negation) !== 0) into.negations.push(index);
    if ((word & WORD_FLAGS.origin) !== 0) into.origins.push(index);
    if ((word & WORD_FLAGS.linking) !== 0) into.links.push(index);
    if ((word & WORD_FLAGS.destination) !== 0 && index > firstToken && carriesStem(words, index - 1, secondaryStem)) into.destinations.push(index);
    if ((word & WORD_FLAGS.matchable) === 0 || (masked !== null && masked.has(index))) continue;
    const standIn = standInStems.size > 0 ? standInStems.get(index) : undefined;
    if (standIn !== undefined) {
      appendStems(into, standIn, 0, standIn.length, index);
    } else {
      appendStems(into, stemPool, stemsFrom[index], stemsTo[index], index);
    }
  }
}

/** Whether token `index` carries stem number `stem` (a morphology marker is one of a word's stems). */
function carriesStem(words: TokenWords, index: number, stem: number): boolean {
  const { stemPool, stemsFrom, stemsTo } = words;
  for (let i = stemsFrom[index]; i < stemsTo[index]; i += 1) if (stemPool[i] === stem) return true;
  return false;
}

/**
 * The tokens of the sentence that offer no stem: the words of a department's name and the
 * bracketed word of a finding phrase. Null for the many sentences with neither, found from the
 * words' flags without building anything.
 */
function maskedTokens(doc: DetectorDoc, wordOf: readonly number[], sentence: Sentence): ReadonlySet<number> | null {
  let flags = 0;
  for (let index = sentence.tokenBegin; index < sentence.tokenEnd; index += 1) flags |= wordOf[index];
  const names = (flags & WORD_FLAGS.organizationHead) !== 0 ? organizationNameTokens(doc.tokens, sentence.tokenBegin, sentence.tokenEnd) : null;
  const findings = (flags & WORD_FLAGS.findingStart) !== 0 ? findingPhraseTokens(doc.tokens, sentence.tokenBegin, sentence.tokenEnd) : null;
  if (names === null || findings === null) return names ?? findings;
  return new Set([...names, ...findings]);
}

/** Appends `ids[begin]` up to `ids[end]`, each at token `token`. */
function appendStems(into: SentenceStemIds, ids: ArrayLike<number>, begin: number, end: number, token: number): void {
  if (into.count + end - begin > into.stemIds.length) growSentenceStemIds(into, into.count + end - begin);
  const { stemIds, tokens } = into;
  let count = into.count;
  for (let i = begin; i < end; i += 1) {
    stemIds[count] = ids[i];
    tokens[count] = token;
    count += 1;
  }
  into.count = count;
}

/**
 * Shared by every document, as the stage runs one sentence at a time and keeps nothing: typed
 * arrays this long are allocated outside the JavaScript heap, at a cost per document otherwise.
 */
const sentenceStems: SentenceStemIds = { stemIds: new Int32Array(64), tokens: new Int32Array(64), count: 0, listSeparators: [], negations: [], origins: [], links: [], destinations: [] };

/** Room for at least `size` stems, keeping those already filled in. */
function growSentenceStemIds(stems: SentenceStemIds, size: number): void {
  const capacity = Math.max(size, 2 * stems.stemIds.length);
  const stemIds = new Int32Array(capacity);
  const tokens = new Int32Array(capacity);
  stemIds.set(stems.stemIds.subarray(0, stems.count));
  tokens.set(stems.tokens.subarray(0, stems.count));
  stems.stemIds = stemIds;
  stems.tokens = tokens;
}

/**
 * Matches on the same words are one mention with several candidate codes; matches on different
 * words are different mentions even where they overlap ("diabetes with chronic kidney disease
 * stage 3" is both E11.22 and N18.30).
 */
function groupByToken(matches: SentenceMatch[]): SentenceMatch[][] {
  if (matches.length > FEW_MATCHES) return groupByTokenKey(matches);
  const groups: SentenceMatch[][] = [];
  for (const match of matches) {
    const group = groupOnTokens(groups, match.tokens);
    if (group) group.push(match);
    else groups.push([match]);
  }
  return sortInPlace(groups, byFirstToken);
}

/** The group whose matches sit on `tokens`, if any. */
function groupOnTokens(groups: readonly SentenceMatch[][], tokens: readonly number[]): SentenceMatch[] | undefined {
  for (const group of groups) if (sameTokens(group[0].tokens, tokens)) return group;
  return undefined;
}

/** Up to this many matches, a sentence's groups are found by comparing token lists, without building a key per match. */
const FEW_MATCHES = 16;

/** {@link groupByToken} for a sentence of many matches, where comparing every pair would cost more than a key each. */
function groupByTokenKey(matches: SentenceMatch[]): SentenceMatch[][] {
  const groups = new Map<string, SentenceMatch[]>();
  for (const match of matches) {
    const key = match.tokens.join(',');
    const group = groups.get(key);
    if (group) group.push(match);
    else groups.set(key, [match]);
  }
  return [...groups.values()].sort(byFirstToken);
}

function byFirstToken(a: SentenceMatch[], b: SentenceMatch[]): number {
  return a[0].tokens[0] - b[0].tokens[0];
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** From the first to the last token of the group's most specific match: the words that name the condition. */
/**
 * The span of the group's widest match. Stand-in stems sit at the first token of what they stand
 * for, so a match that ends there ends where that does ("sepsis due to E. coli", not "...E").
 */
function mentionRange(doc: DetectorDoc, group: SentenceMatch[], standInEnds: ReadonlyMap<number, number>) {
  let best = group[0];
  for (const match of group) if (match.width > best.width) best = match;
  const last = best.tokens[best.tokens.length - 1];
  return { begin: doc.tokens[best.tokens[0]].begin, end: Math.max(doc.tokens[last].end, standInEnds.get(last) ?? 0) };
}


function toCandidate(match: SentenceMatch): CandidateMatch {
  return new Candidate(match.entry.id, match.tokens, match.entry.prior, match.crossesList);
}

/** A class for the reason given at the sentence matcher's matches: candidates live as long as the document. */
class Candidate implements CandidateMatch {
  constructor(
    readonly entry: number,
    readonly tokens: readonly number[],
    readonly score: number,
    readonly crossesList: boolean,
  ) {}
}

export type { TermDictionary };

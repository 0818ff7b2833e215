import { keepMostSpecific } from './most-specific-matches.js';
import { SECONDARY_MARKER } from './neoplasm-markers.js';
import type { MatchingTable } from './matching-table.js';
import { NO_OCCURRENCE, type PlacementScratch, placeEntry, spanOf } from './entry-placement.js';
import type { DictionaryEntry, TermDictionary } from './term-dictionary.js';

/** A stem found at a token of the sentence (from the word itself, an abbreviation's expansion, or a morphology marker). */
export interface StemAtToken {
  readonly stem: string;
  readonly token: number;
}

export interface SentenceMatch {
  readonly entry: DictionaryEntry;
  /** Token indexes carrying the entry's stems, ascending, distinct. */
  readonly tokens: readonly number[];
  /** The words straddle a list separator ("pulmonary disease, hypertension"): likely two conditions. */
  readonly crossesList: boolean;
  /**
   * `entry.stems.length`, read from the matching table when the match is placed: comparing
   * matches by it then reads no entry object, and the entries lie scattered over the heap.
   */
  readonly width: number;
}

/**
 * A class rather than an object literal: a sentence's matches live on as the document's
 * candidates, and V8 allocates a literal from a site whose objects survive straight into old
 * space, where each one costs more to make; a constructor's objects start young and cheap.
 */
class PlacedMatch implements SentenceMatch {
  constructor(
    readonly entry: DictionaryEntry,
    readonly tokens: readonly number[],
    readonly crossesList: boolean,
    readonly width: number,
  ) {}
}

/** Whether a narrower match stays beside a wider one that covers it (undotted codes: wider, narrower). */
export type KeepBoth = (widerCode: string, narrowerCode: string) => boolean;

/** Whether a match of the entry, by id, hides the narrower matches inside its words. */
export type HidesNarrower = (entry: number) => boolean;

/**
 * How far apart an entry's words may lie: clinical prose interleaves modifiers ("fracture of the
 * distal left radius"); a learned phrase was learned as a run of words and must stay one, and so
 * must a drug's name ("oral anticoagulants").
 */
function maxSpread(entry: DictionaryEntry): number {
  if ((entry.source === 'lexicon' && !entry.alsoClassified) || entry.source === 'status') return entry.stems.length + 1;
  return Math.max(6, entry.stems.length * 3);
}

/**
 * Which stem numbers the current sentence holds, and where. Reused across sentences: a stem is
 * present when its bit is set, one bit per stem so that the table (2 KB for 15,000 stems) stays
 * in the CPU's nearest cache however many groups a sentence tests; only the previous sentence's
 * bits are cleared. The tokens of each present stem are a list
 * threaded through `occurrenceToken` and `nextOccurrence` from `firstOccurrence[stem]`, in
 * sentence order: no array per stem and sentence.
 */
interface SentenceScratch extends PlacementScratch {
  readonly presentBits: Int32Array;
  lastOccurrence: Int32Array;
  /**
   * The sentence's distinct stems, in order of first occurrence: the first `presentCount`. A
   * typed array with a count, because emptying a JavaScript array releases its storage and every
   * sentence would allocate it again.
   */
  present: Int32Array;
  presentCount: number;
  /** What {@link touchGroupHeads} read, kept so that the reads stay. */
  touched: number;
}

const scratchByDictionary = new WeakMap<TermDictionary, SentenceScratch>();

function scratchFor(dictionary: TermDictionary): SentenceScratch {
  let scratch = scratchByDictionary.get(dictionary);
  if (!scratch) {
    const stems = dictionary.stemIds.size;
    scratch = {
      presentBits: new Int32Array((stems >>> 5) + 1),
      firstOccurrence: new Int32Array(stems),
      lastOccurrence: new Int32Array(stems),
      occurrenceToken: new Int32Array(64),
      nextOccurrence: new Int32Array(64),
      present: new Int32Array(64),
      presentCount: 0,
      spreadOf: Int32Array.from(dictionary.entries, maxSpread),
      placed: new Int32Array(16),
      placedRepeated: false,
      touched: 0,
    };
    scratchByDictionary.set(dictionary, scratch);
  }
  return scratch;
}

/** Room for `count` occurrences. */
function reserveOccurrences(scratch: SentenceScratch, count: number): void {
  if (scratch.occurrenceToken.length >= count) return;
  const size = Math.max(count, scratch.occurrenceToken.length * 2);
  scratch.occurrenceToken = new Int32Array(size);
  scratch.nextOccurrence = new Int32Array(size);
  scratch.present = new Int32Array(size);
}

/** Marks the sentence's stems present (and no other) and lists each one's tokens (a token once per stem). */
function markPresent(scratch: SentenceScratch, stemIds: ArrayLike<number>, tokens: ArrayLike<number>, count: number): void {
  for (let p = 0; p < scratch.presentCount; p += 1) scratch.presentBits[scratch.present[p] >>> 5] = 0;
  reserveOccurrences(scratch, count);
  const { presentBits, firstOccurrence, lastOccurrence, occurrenceToken, nextOccurrence, present } = scratch;
  let presentCount = 0;
  let occurrences = 0;
  for (let i = 0; i < count; i += 1) {
    const id = stemIds[i];
    const token = tokens[i];
    if (!isPresent(presentBits, id)) {
      presentBits[id >>> 5] |= 1 << (id & 31);
      firstOccurrence[id] = occurrences;
      present[presentCount++] = id;
    } else {
      if (occurrenceToken[lastOccurrence[id]] === token) continue;
      nextOccurrence[lastOccurrence[id]] = occurrences;
    }
    lastOccurrence[id] = occurrences;
    occurrenceToken[occurrences] = token;
    nextOccurrence[occurrences] = NO_OCCURRENCE;
    occurrences += 1;
  }
  scratch.presentCount = presentCount;
}

function isPresent(presentBits: Int32Array, stemId: number): boolean {
  return (presentBits[stemId >>> 5] & (1 << (stemId & 31))) !== 0;
}

/** Token indexes of the sentence's words, by kind (the word flags of word-stem-ids.ts), that some entries may not bridge. */
export interface BarrierWords {
  readonly negations: readonly number[];
  /** Only a Neoplasm Table entry is held by these. */
  readonly origins: readonly number[];
  /** Only an Index "with" combination bridges these. */
  readonly links: readonly number[];
  /** "To" after a word for spread: only a Neoplasm Table entry is held by these. */
  readonly destinations: readonly number[];
}

const NO_BARRIERS: BarrierWords = Object.freeze({ negations: [], origins: [], links: [], destinations: [] });

/**
 * Every dictionary entry whose stems all occur in the sentence within a small window, in any
 * order. An entry is looked up only through its rarest stem, so the work grows with the
 * sentence's words, not with the dictionary.
 */
export function matchSentence(
  dictionary: TermDictionary,
  stems: readonly StemAtToken[],
  keepBoth: KeepBoth = () => false,
  separators: Iterable<number> = [],
): SentenceMatch[] {
  const stemIds: number[] = [];
  const tokens: number[] = [];
  for (const { stem, token } of stems) {
    const id = dictionary.stemIds.get(stem);
    if (id === undefined) continue;
    stemIds.push(id);
    tokens.push(token);
  }
  return matchSentenceStemIds(dictionary, stemIds, tokens, keepBoth, separators);
}

/**
 * {@link matchSentence} over stems already numbered by the dictionary: `stemIds[i]` sits at
 * `tokens[i]`, in sentence order, for the first `count`. The detector numbers each word once and
 * reuses it, so the hot loop never hashes a stem string.
 */
export function matchSentenceStemIds(
  dictionary: TermDictionary,
  stemIds: ArrayLike<number>,
  tokens: ArrayLike<number>,
  keepBoth: KeepBoth = () => false,
  separators: Iterable<number> = [],
  count: number = stemIds.length,
  barriers: BarrierWords = NO_BARRIERS,
  hides: HidesNarrower = () => true,
): SentenceMatch[] {
  const scratch = scratchFor(dictionary);
  markPresent(scratch, stemIds, tokens, count);
  const matches: SentenceMatch[] = [];
  const { groupBegin, groupHeads, groupEntries } = dictionary.table;
  const presentBits = scratch.presentBits;
  const { present, presentCount } = scratch;
  scratch.touched = touchGroupHeads(dictionary.table, present, presentCount);
  for (let p = 0; p < presentCount; p += 1) {
    const anchor = present[p];
    const groupEnd = groupBegin[anchor + 1];
    for (let group = groupBegin[anchor]; group < groupEnd; group += 1) {
      const next = groupHeads[2 * group];
      if (next >= 0 && !isPresent(presentBits, next)) continue;
      const entriesEnd = groupHeads[2 * group + 3];
      for (let at = groupHeads[2 * group + 1]; at < entriesEnd; at += 2 + groupEntries[at + 1]) {
        // Most entries miss a word: find that out before placing anything.
        if (!allPresent(groupEntries, at + 2, at + 2 + groupEntries[at + 1], presentBits)) continue;
        const match = placeAtSomeAnchor(dictionary, groupEntries[at], anchor, scratch, separators, barriers);
        if (match) matches.push(match);
      }
    }
  }
  return keepMostSpecific(matches, keepBoth, dictionary.chapterOf, hides);
}

/**
 * Reads the first group head of every present anchor, ahead of the loop that tests them. The
 * anchors lie scattered over the table and each first read misses the cache; here no read waits
 * on another, so the processor overlaps the misses, which the testing loop, a branch per group,
 * would take one after another. Returns a sum only so that the reads are not optimized away.
 */
function touchGroupHeads(table: MatchingTable, present: Int32Array, presentCount: number): number {
  const { groupBegin, groupHeads } = table;
  let sum = 0;
  for (let p = 0; p < presentCount; p += 1) sum += groupHeads[2 * groupBegin[present[p]]];
  return sum;
}

function placeAtSomeAnchor(dictionary: TermDictionary, entryId: number, anchor: number, scratch: SentenceScratch, separators: Iterable<number>, barriers: BarrierWords): SentenceMatch | null {
  const { negations, origins, links, destinations } = barriers;
  // The tightest placement over every occurrence of the anchor: in "kidney injury on chronic kidney
  // disease" the first "kidney" would stretch "chronic kidney disease" over the injury's words.
  let best: number[] | null = null;
  for (let occurrence = scratch.firstOccurrence[anchor]; occurrence !== NO_OCCURRENCE; occurrence = scratch.nextOccurrence[occurrence]) {
    const tokens = placeEntry(dictionary.table, entryId, scratch.occurrenceToken[occurrence], scratch);
    if (!tokens || (negations.length > 0 && bridgesWord(tokens, negations))) continue;
    if (origins.length > 0 && dictionary.entries[entryId].source === 'neoplasm' && bridgesWord(tokens, origins)) continue;
    if (links.length > 0 && !dictionary.entries[entryId].combination && bridgesWord(tokens, links)) continue;
    if (destinations.length > 0 && dictionary.entries[entryId].source === 'neoplasm' && misreadsSpread(tokens, destinations, dictionary.entries[entryId])) continue;
    if (best === null || spanOf(tokens) < spanOf(best)) best = tokens;
    if (spanOf(best) === best.length) break;
  }
  if (best === null) return null;
  const width = dictionary.table.entryStemBegin[entryId + 1] - dictionary.table.entryStemBegin[entryId];
  return new PlacedMatch(dictionary.entries[entryId], best, crossesSeparator(best, separators), width);
}

/** Whether one of `words` (token indexes) lies between the first and last of `tokens` without being one of them. */
function bridgesWord(tokens: readonly number[], words: readonly number[]): boolean {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  for (const word of words) if (word > first && word < last && !tokens.includes(word)) return true;
  return false;
}

/**
 * Whether a Neoplasm Table placement reads a "metastatic to" the wrong way: a primary site may
 * not lie across it ("cancer metastatic to liver" is no liver cancer), and a secondary one may
 * not end right before it ("colon cancer metastatic" is no secondary of the colon).
 */
function misreadsSpread(tokens: readonly number[], destinations: readonly number[], entry: DictionaryEntry): boolean {
  const secondary = entry.stems.includes(SECONDARY_MARKER);
  const last = tokens[tokens.length - 1];
  for (const destination of destinations) {
    if (secondary ? last === destination - 1 : tokens[0] < destination && last > destination) return true;
  }
  return false;
}

function crossesSeparator(tokens: readonly number[], separators: Iterable<number>): boolean {
  for (const separator of separators) if (separator > tokens[0] && separator < tokens[tokens.length - 1]) return true;
  return false;
}

function allPresent(stemIds: Int32Array, begin: number, end: number, presentBits: Int32Array): boolean {
  for (let i = begin; i < end; i += 1) if (!isPresent(presentBits, stemIds[i])) return false;
  return true;
}


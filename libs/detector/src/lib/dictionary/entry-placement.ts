/**
 * Where an entry's words sit in a sentence: each at its occurrence nearest the anchor word the
 * entry is looked up by, within the entry's spread.
 */
import { sortInPlace } from '../stable-sort.js';
import type { MatchingTable } from './matching-table.js';

/** A number in an entry ("stage 3", "type 2") must sit right after the word it qualifies. */
const MAX_NUMBER_GAP = 2;

/** Ends an occurrence list. */
export const NO_OCCURRENCE = -1;

/**
 * What placing reads of the current sentence, and where it works: the tokens of each present stem
 * are a list threaded through `occurrenceToken` and `nextOccurrence` from `firstOccurrence[stem]`.
 */
export interface PlacementScratch {
  firstOccurrence: Int32Array;
  occurrenceToken: Int32Array;
  nextOccurrence: Int32Array;
  /**
   * How far apart each entry's words may lie, by entry id, so that placing an entry reads no
   * entry object: most placements fail, and the entry objects lie scattered over the heap.
   */
  readonly spreadOf: Int32Array;
  /** The tokens of the placement being tried; copied out only when it succeeds. */
  placed: Int32Array;
  /** Whether a word of the last placement that occurs more than once in the sentence sits at an end of it. */
  placedRepeated: boolean;
}

/**
 * The entry's stems at the occurrences nearest the anchor, or null when one is too far. A word the
 * sentence repeats may be nearer the anchor in another condition's name: in "major depressive
 * disorder, recurrent, severe without psychotic features, and generalized anxiety disorder" the
 * second "disorder" is nearer "features". Where a repeated word leaves the placement loose, the
 * repeated words are placed once more, each where it stretches the other words' placement least,
 * and the tighter placement is taken.
 */
export function placeEntry(table: MatchingTable, entryId: number, anchorToken: number, scratch: PlacementScratch): number[] | null {
  const first = placeAround(table, entryId, anchorToken, scratch, false);
  if (!scratch.placedRepeated || (first !== null && spanOf(first) === first.length)) return first;
  const again = placeAround(table, entryId, anchorToken, scratch, true);
  if (first === null) return again;
  return again !== null && spanOf(again) < spanOf(first) ? again : first;
}

/**
 * {@link placeEntry}'s placement: each word but a number at its occurrence nearest the anchor, or
 * with `tight`, a repeated word at the occurrence that stretches the span of the words that occur
 * once (and the anchor) least, the nearest the anchor among those.
 */
function placeAround(table: MatchingTable, entryId: number, anchorToken: number, scratch: PlacementScratch, tight: boolean): number[] | null {
  const { firstOccurrence, occurrenceToken, nextOccurrence } = scratch;
  const stemsBegin = table.entryStemBegin[entryId];
  const stemsEnd = table.entryStemBegin[entryId + 1];
  if (scratch.placed.length <= stemsEnd - stemsBegin) scratch.placed = new Int32Array(2 * (stemsEnd - stemsBegin + 1));
  const placed = scratch.placed;
  scratch.placedRepeated = false;
  let fixedLow = anchorToken;
  let fixedHigh = anchorToken;
  if (tight) {
    for (let i = stemsBegin; i < stemsEnd; i += 1) {
      const stemId = table.entryStems[i];
      if (table.numericStem[stemId] === 1 || nextOccurrence[firstOccurrence[stemId]] !== NO_OCCURRENCE) continue;
      const token = occurrenceToken[firstOccurrence[stemId]];
      if (token < fixedLow) fixedLow = token;
      if (token > fixedHigh) fixedHigh = token;
    }
  }
  placed[0] = anchorToken;
  let count = 1;
  let low = anchorToken;
  let high = anchorToken;
  let previous = anchorToken;
  let repeatedLow = Number.MAX_SAFE_INTEGER;
  let repeatedHigh = -1;
  for (let i = stemsBegin; i < stemsEnd; i += 1) {
    const stemId = table.entryStems[i];
    const isNumber = table.numericStem[stemId] === 1;
    const target = isNumber ? previous : anchorToken;
    let nearest = occurrenceToken[firstOccurrence[stemId]];
    const repeated = nextOccurrence[firstOccurrence[stemId]] !== NO_OCCURRENCE;
    for (let occurrence = firstOccurrence[stemId]; occurrence !== NO_OCCURRENCE; occurrence = nextOccurrence[occurrence]) {
      const token = occurrenceToken[occurrence];
      const stretch = tight && !isNumber ? outside(token, fixedLow, fixedHigh) - outside(nearest, fixedLow, fixedHigh) : 0;
      if (stretch < 0 || (stretch === 0 && Math.abs(token - target) < Math.abs(nearest - target))) nearest = token;
    }
    if (isNumber && Math.abs(nearest - previous) > MAX_NUMBER_GAP) return null;
    if (!holds(placed, count, nearest)) placed[count++] = nearest;
    previous = nearest;
    if (nearest < low) low = nearest;
    if (nearest > high) high = nearest;
    if (repeated && nearest < repeatedLow) repeatedLow = nearest;
    if (repeated && nearest > repeatedHigh) repeatedHigh = nearest;
  }
  // Placed anywhere but at an end of the placement, a repeated word cannot be what stretches it.
  scratch.placedRepeated = repeatedLow === low || repeatedHigh === high;
  if (high - low + 1 > scratch.spreadOf[entryId]) return null;
  const tokens = new Array<number>(count);
  for (let i = 0; i < count; i += 1) tokens[i] = placed[i];
  return sortInPlace(tokens, ascending);
}

/** How far `token` lies outside [low, high]. */
function outside(token: number, low: number, high: number): number {
  return token < low ? low - token : token > high ? token - high : 0;
}

/** How many tokens ascending `tokens` stretch over. */
export function spanOf(tokens: readonly number[]): number {
  return tokens[tokens.length - 1] - tokens[0] + 1;
}

/** Whether the first `count` numbers of `values` include `value`. */
function holds(values: Int32Array, count: number, value: number): boolean {
  for (let i = 0; i < count; i += 1) if (values[i] === value) return true;
  return false;
}

function ascending(a: number, b: number): number {
  return a - b;
}

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
}

/**
 * How far apart an entry's words may lie: clinical prose interleaves modifiers ("fracture of the
 * distal left radius"); a learned phrase was learned as a run of words and must stay one.
 */
function maxSpread(entry: DictionaryEntry): number {
  if (entry.source === 'lexicon') return entry.stems.length + 1;
  return Math.max(6, entry.stems.length * 3);
}

/**
 * Every dictionary entry whose stems all occur in the sentence within a small window, in any
 * order. An entry is looked up only through its rarest stem, so the work grows with the
 * sentence's words, not with the dictionary.
 */
export function matchSentence(dictionary: TermDictionary, stems: readonly StemAtToken[], keepBoth: KeepBoth = () => false): SentenceMatch[] {
  const positions = new Map<string, number[]>();
  for (const { stem, token } of stems) {
    const list = positions.get(stem);
    if (list) {
      if (!list.includes(token)) list.push(token);
    } else positions.set(stem, [token]);
  }
  const matches: SentenceMatch[] = [];
  for (const [anchor, anchorTokens] of positions) {
    for (const entryId of dictionary.byAnchor.get(anchor) ?? []) {
      const entry = dictionary.entries[entryId];
      for (const anchorToken of anchorTokens) {
        const tokens = placeEntry(entry, anchorToken, positions);
        if (tokens) {
          matches.push({ entry, tokens });
          break;
        }
      }
    }
  }
  return keepMostSpecific(matches, keepBoth);
}

/** Whether a narrower match stays beside a wider one that covers it (undotted codes: wider, narrower). */
export type KeepBoth = (widerCode: string, narrowerCode: string) => boolean;

/** A number in an entry ("stage 3", "type 2") must sit right after the word it qualifies. */
const MAX_NUMBER_GAP = 2;

/** The entry's stems at the occurrences nearest the anchor, or null when one is missing or too far. */
function placeEntry(entry: DictionaryEntry, anchorToken: number, positions: ReadonlyMap<string, number[]>): number[] | null {
  const tokens = new Set<number>([anchorToken]);
  let low = anchorToken;
  let high = anchorToken;
  let previous = anchorToken;
  for (const stem of entry.stems) {
    const occurrences = positions.get(stem);
    if (!occurrences) return null;
    const isNumber = /^\d/.test(stem);
    const target = isNumber ? previous : anchorToken;
    let nearest = occurrences[0];
    for (const token of occurrences) if (Math.abs(token - target) < Math.abs(nearest - target)) nearest = token;
    if (isNumber && Math.abs(nearest - previous) > MAX_NUMBER_GAP) return null;
    tokens.add(nearest);
    previous = nearest;
    low = Math.min(low, nearest);
    high = Math.max(high, nearest);
  }
  if (high - low + 1 > maxSpread(entry)) return null;
  return [...tokens].sort((a, b) => a - b);
}

/**
 * Drops a match when another covers all of its tokens and says more (more stems): "type 2
 * diabetes with chronic kidney disease" is E11.22, not also E11.9 and N18.9 from the same words.
 */
function keepMostSpecific(matches: SentenceMatch[], keepBoth: KeepBoth): SentenceMatch[] {
  const kept: SentenceMatch[] = [];
  // Widest first, and only against matches already kept: a match that is itself covered must not hide others.
  for (const match of [...matches].sort((a, b) => b.entry.stems.length - a.entry.stems.length)) {
    if (!kept.some((other) => dominates(other, match) && !keepBoth(other.entry.code, match.entry.code))) kept.push(match);
  }
  return kept;
}

/**
 * `wider` says more than `narrower` about the same words: more stems, and every word of the
 * narrower match is one of its words (a synonym counts: "heart" is also "cardiac").
 */
function dominates(wider: SentenceMatch, narrower: SentenceMatch): boolean {
  if (wider.entry.stems.length <= narrower.entry.stems.length) return false;
  return narrower.tokens.every((token) => wider.tokens.includes(token)) || narrower.entry.stems.every((stem) => wider.entry.stems.includes(stem) && withinSpan(wider, narrower));
}

function withinSpan(wider: SentenceMatch, narrower: SentenceMatch): boolean {
  return wider.tokens[0] <= narrower.tokens[0] && narrower.tokens[narrower.tokens.length - 1] <= wider.tokens[wider.tokens.length - 1];
}

import type { Terminology } from '@icd/terminology';
import { layOutMatchingTable, type MatchingTable } from './matching-table.js';
import { entriesFromTerminology } from './terminology-entries.js';
import { withNewerDefaults } from './newer-defaults.js';
import { stemSetKey } from './stems.js';

/**
 * Where a dictionary entry comes from; also how much a match on it says about the code. `status`:
 * a drug or treatment that implies a status code (status-rules.en.json).
 */
export type EntrySource = 'index' | 'title' | 'inclusion' | 'neoplasm' | 'lexicon' | 'status';

/** A way the text may name a code: a bag of word stems that must all appear close together in one sentence. */
export interface DictionaryEntry {
  readonly id: number;
  /** Distinct content stems, in the order the phrase gives them. */
  readonly stems: readonly string[];
  /** Undotted code, possibly a header that resolution narrows down. */
  readonly code: string;
  readonly source: EntrySource;
  /** The Index path, title or phrase, for the rationale shown to the coder. */
  readonly display: string;
  /** How often, a priori, a match on this entry is a code a coder would assign: 0..1. */
  readonly prior: number;
  /** A mined phrase whose words the classification also gives for the code: they may lie as far apart as the classification's. */
  readonly alsoClassified?: boolean;
  /**
   * An Index path through "with": one code for conditions the classification links, which
   * therefore stands for each of them ("Diabetes, type 2, with, neuropathy" is E11.40 alone).
   */
  readonly combination?: boolean;
  /** An Index path ending in "NEC": the code for the condition when the classification has no more specific place for it. */
  readonly notElsewhereClassified?: boolean;
  /**
   * A subterm of the Index's "History, personal": its words name the code only for a mention the
   * note places in the patient's past ("history of hysterectomy" is Z90.710; "hysterectomy" is a procedure).
   */
  readonly historyOnly?: boolean;
}

/**
 * Entries indexed by their rarest stem, so a sentence only checks entries one of its words can
 * start. Stems are also numbered, so that the hot matching loop compares integers, not strings.
 */
export interface TermDictionary {
  readonly entries: readonly DictionaryEntry[];
  readonly byAnchor: ReadonlyMap<string, readonly number[]>;
  /** Number of each stem any entry uses. */
  readonly stemIds: ReadonlyMap<string, number>;
  /** Each entry's stems as numbers, parallel to `entries`. */
  readonly entryStemIds: readonly Int32Array[];
  /** The same stems, rarest first: a presence test that fails does so at the first or second read. */
  readonly entryCheckIds: readonly Int32Array[];
  /** Entry ids anchored at each stem number. */
  readonly byAnchorId: readonly (readonly number[] | undefined)[];
  /**
   * The same entries, grouped by the next stem a presence test reads after the anchor (-1 for
   * entries of one stem): a stem the dictionary thinks rare ("first", "second") can be common in
   * notes, and one read then rules out a whole group of its entries.
   */
  readonly byAnchorGroups: readonly (readonly AnchorGroup[] | undefined)[];
  /** {@link byAnchorGroups} and the entries' stems laid out in typed arrays, for the matcher's hot loop. */
  readonly table: MatchingTable;
  /** The classification's chapter of an entry's code, null when the code set lacks it. */
  readonly chapterOf: (code: string) => string | null;
  /** By stem number, 1 where an entry consists of that stem alone ("asthma"), 0 for a qualifier ("recurrent", "chronic"). */
  readonly standaloneStems: Uint8Array;
  /**
   * Old Index defaults the code set has since replaced for the same words, undotted, with their
   * newer codes ("I213" -> ["I219"]): entries read them as the newer code (see newer-defaults.ts).
   */
  readonly movedDefaults: ReadonlyMap<string, readonly string[]>;
}

export interface AnchorGroup {
  readonly nextStemId: number;
  readonly entryIds: readonly number[];
}

export interface EntryDraft {
  stems: string[];
  code: string;
  source: EntrySource;
  display: string;
  prior: number;
  alsoClassified?: boolean;
  combination?: boolean;
  notElsewhereClassified?: boolean;
  historyOnly?: boolean;
}

/**
 * Of two drafts for the same words and code, the one with the higher prior. A mined phrase that
 * wins over the classification's own entry keeps the classification's word spread: a mined phrase
 * must stay a run of words, but "Loss of 15 kg of weight" is still the Index's "Loss, weight".
 */
function preferredDraft(seen: EntryDraft, draft: EntryDraft): EntryDraft {
  const [kept, other] = seen.prior >= draft.prior ? [seen, draft] : [draft, seen];
  const classified = kept.source === 'lexicon' && other.source !== 'lexicon' ? { ...kept, alsoClassified: true } : kept;
  // Words that name the code in any context name it in a past one too.
  const preferred = classified.historyOnly && !other.historyOnly ? { ...classified, historyOnly: undefined } : classified;
  return other.combination && !preferred.combination ? { ...preferred, combination: true } : preferred;
}

/**
 * Builds the dictionary from the terminology (Index paths, titles, inclusion terms, Neoplasm Table)
 * and any extra drafts, such as phrasings mined from training cases. Duplicate (stems, code)
 * pairs are one entry (see {@link preferredDraft}).
 */
export function buildTermDictionary(terminology: Terminology, extra: readonly EntryDraft[] = []): TermDictionary {
  const { drafts, moved } = withNewerDefaults([...entriesFromTerminology(terminology), ...extra], terminology);
  const unique = new Map<string, EntryDraft>();
  for (const draft of drafts) {
    if (draft.stems.length === 0) continue;
    const key = `${stemSetKey(draft.stems)}|${draft.code}`;
    const seen = unique.get(key);
    unique.set(key, seen ? preferredDraft(seen, draft) : draft);
  }
  const entries = [...unique.values()].map((draft, id) => ({ ...draft, id }));
  const byAnchor = indexByRarestStem(entries);
  const stemIds = new Map<string, number>();
  const idOf = (stem: string) => {
    let id = stemIds.get(stem);
    if (id === undefined) {
      id = stemIds.size;
      stemIds.set(stem, id);
    }
    return id;
  };
  const entryStemIds = entries.map((entry) => Int32Array.from(entry.stems.map(idOf)));
  const stemFrequency = new Int32Array(stemIds.size);
  for (const ids of entryStemIds) for (const id of ids) stemFrequency[id] += 1;
  const entryCheckIds = entryStemIds.map((ids) => Int32Array.from(ids).sort((a, b) => stemFrequency[a] - stemFrequency[b]));
  // Dense from the start: filling a sparse array out of order leaves it in V8's slow dictionary mode.
  const byAnchorId: (number[] | undefined)[] = new Array<number[] | undefined>(stemIds.size).fill(undefined);
  for (const [anchor, ids] of byAnchor) byAnchorId[stemIds.get(anchor) as number] = [...ids];
  const byAnchorGroups = byAnchorId.map((ids, anchorId) => (ids ? groupByNextStem(ids, anchorId, entryCheckIds) : undefined));
  const table = layOutMatchingTable(byAnchorGroups, entryStemIds, entryCheckIds, [...stemIds.keys()]);
  const standaloneStems = new Uint8Array(stemIds.size);
  // A history-only entry ("fall") names no condition by itself.
  entryStemIds.forEach((ids, id) => {
    if (ids.length === 1 && !entries[id].historyOnly) standaloneStems[ids[0]] = 1;
  });
  return {
    entries,
    byAnchor,
    stemIds,
    entryStemIds,
    entryCheckIds,
    byAnchorId,
    byAnchorGroups,
    table,
    chapterOf: chaptersByCategory(terminology),
    standaloneStems,
    movedDefaults: moved,
  };
}

/** {@link Terminology.chapterOf}, remembered per 3-character category: matching asks about the same few codes again and again. */
function chaptersByCategory(terminology: Terminology): (code: string) => string | null {
  const chapters = new Map<string, string | null>();
  return (code) => {
    const category = code.slice(0, 3);
    let chapter = chapters.get(category);
    if (chapter === undefined) {
      chapter = terminology.chapterOf(category);
      chapters.set(category, chapter);
    }
    return chapter;
  };
}

function groupByNextStem(entryIds: readonly number[], anchorId: number, entryCheckIds: readonly Int32Array[]): AnchorGroup[] {
  const groups = new Map<number, number[]>();
  for (const entryId of entryIds) {
    const next = entryCheckIds[entryId].find((stemId) => stemId !== anchorId) ?? -1;
    const group = groups.get(next);
    if (group) group.push(entryId);
    else groups.set(next, [entryId]);
  }
  return [...groups].map(([nextStemId, ids]) => ({ nextStemId, entryIds: ids }));
}

function indexByRarestStem(entries: readonly DictionaryEntry[]): Map<string, number[]> {
  const frequency = new Map<string, number>();
  for (const entry of entries) for (const stem of entry.stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  const byAnchor = new Map<string, number[]>();
  for (const entry of entries) {
    let anchor = entry.stems[0];
    for (const stem of entry.stems) if ((frequency.get(stem) ?? 0) < (frequency.get(anchor) ?? 0)) anchor = stem;
    const list = byAnchor.get(anchor);
    if (list) list.push(entry.id);
    else byAnchor.set(anchor, [entry.id]);
  }
  return byAnchor;
}

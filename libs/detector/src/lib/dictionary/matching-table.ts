import type { AnchorGroup } from './term-dictionary.js';

/**
 * What the sentence matcher reads for each entry, back to back in typed arrays. The dictionary
 * holds over a hundred thousand entries, each with its own objects scattered over the heap; a
 * sentence tests a few of them, and each test used to cost a cache miss per object it touched.
 * Here an anchor's groups, and each group's entries with their stems, are contiguous integers.
 *
 * - The groups of anchor stem `s` are `groupBegin[s]` to `groupBegin[s + 1]`. Group `g` needs
 *   stem `nextStemId[g]` (-1: none), and its entries are encoded in `groupEntries` from
 *   `entriesBegin[g]` to `entriesBegin[g + 1]`, each as `entryId, count, ...count check stems`
 *   (rarest first, as `entryCheckIds`).
 * - Entry `e`'s stems, in the entry's order, are `entryStems[entryStemBegin[e]]` up to
 *   `entryStemBegin[e + 1]`.
 * - `numericStem[s]` is 1 when stem `s` is a number ("stage 3"), which must sit next to its word.
 */
export interface MatchingTable {
  readonly groupBegin: Int32Array;
  readonly nextStemId: Int32Array;
  readonly entriesBegin: Int32Array;
  readonly groupEntries: Int32Array;
  readonly entryStemBegin: Int32Array;
  readonly entryStems: Int32Array;
  readonly numericStem: Uint8Array;
}

/** Whether a stem is a number: its first character is a digit. */
export function isNumericStem(stem: string): boolean {
  const first = stem.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** Lays out the dictionary's anchor groups and entry stems; `stems[id]` is the stem numbered `id`. */
export function layOutMatchingTable(
  byAnchorGroups: readonly (readonly AnchorGroup[] | undefined)[],
  entryStemIds: readonly Int32Array[],
  entryCheckIds: readonly Int32Array[],
  stems: readonly string[],
): MatchingTable {
  const groupBegin = new Int32Array(byAnchorGroups.length + 1);
  const nextStemId: number[] = [];
  const entriesBegin: number[] = [0];
  const groupEntries: number[] = [];
  byAnchorGroups.forEach((groups, anchor) => {
    for (const group of groups ?? []) {
      nextStemId.push(group.nextStemId);
      for (const entryId of group.entryIds) groupEntries.push(entryId, entryCheckIds[entryId].length, ...entryCheckIds[entryId]);
      entriesBegin.push(groupEntries.length);
    }
    groupBegin[anchor + 1] = nextStemId.length;
  });
  const entryStemBegin = new Int32Array(entryStemIds.length + 1);
  entryStemIds.forEach((ids, entryId) => (entryStemBegin[entryId + 1] = entryStemBegin[entryId] + ids.length));
  const entryStems = new Int32Array(entryStemBegin[entryStemIds.length]);
  entryStemIds.forEach((ids, entryId) => entryStems.set(ids, entryStemBegin[entryId]));
  return {
    groupBegin,
    nextStemId: Int32Array.from(nextStemId),
    entriesBegin: Int32Array.from(entriesBegin),
    groupEntries: Int32Array.from(groupEntries),
    entryStemBegin,
    entryStems,
    numericStem: Uint8Array.from(stems, (stem) => (isNumericStem(stem) ? 1 : 0)),
  };
}

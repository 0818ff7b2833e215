import type { AnchorGroup } from './term-dictionary.js';

/**
 * What the sentence matcher reads for each entry, back to back in typed arrays. The dictionary
 * holds over a hundred thousand entries, each with its own objects scattered over the heap; a
 * sentence tests a few of them, and each test used to cost a cache miss per object it touched.
 * Here an anchor's groups, and each group's entries with their stems, are contiguous integers.
 *
 * - The groups of anchor stem `s` are `groupBegin[s]` to `groupBegin[s + 1]`. Group `g` needs
 *   stem `groupHeads[2 * g]` (-1: none), and its entries are encoded in `groupEntries` from
 *   `groupHeads[2 * g + 1]` to `groupHeads[2 * g + 3]`, each as `entryId, count, ...count check
 *   stems` (rarest first, as `entryCheckIds`). A group's stem and its entries' place are side by
 *   side: a sentence's anchors lie scattered over the table, and the first read of each anchor's
 *   groups misses the cache; a group that passes then finds its entries' place on the same line.
 * - Entry `e`'s stems, in the entry's order, are `entryStems[entryStemBegin[e]]` up to
 *   `entryStemBegin[e + 1]`.
 * - `numericStem[s]` is 1 when stem `s` is a number ("stage 3"), which must sit next to its word.
 */
export interface MatchingTable {
  readonly groupBegin: Int32Array;
  readonly groupHeads: Int32Array;
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
  const groupHeads: number[] = [];
  const groupEntries: number[] = [];
  byAnchorGroups.forEach((groups, anchor) => {
    for (const group of groups ?? []) {
      groupHeads.push(group.nextStemId, groupEntries.length);
      for (const entryId of group.entryIds) groupEntries.push(entryId, entryCheckIds[entryId].length, ...entryCheckIds[entryId]);
    }
    groupBegin[anchor + 1] = groupHeads.length / 2;
  });
  // The last group's end: a head with no stem.
  groupHeads.push(-1, groupEntries.length);
  const entryStemBegin = new Int32Array(entryStemIds.length + 1);
  entryStemIds.forEach((ids, entryId) => (entryStemBegin[entryId + 1] = entryStemBegin[entryId] + ids.length));
  const entryStems = new Int32Array(entryStemBegin[entryStemIds.length]);
  entryStemIds.forEach((ids, entryId) => entryStems.set(ids, entryStemBegin[entryId]));
  return {
    groupBegin,
    groupHeads: Int32Array.from(groupHeads),
    groupEntries: Int32Array.from(groupEntries),
    entryStemBegin,
    entryStems,
    numericStem: Uint8Array.from(stems, (stem) => (isNumericStem(stem) ? 1 : 0)),
  };
}

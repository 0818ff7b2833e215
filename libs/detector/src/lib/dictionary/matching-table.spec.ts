import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { isNumericStem, layOutMatchingTable } from './matching-table.js';
import { buildTermDictionary } from './term-dictionary.js';

describe('layOutMatchingTable', () => {
  it('lays out two anchors\' groups, their entries with check stems, and the entries\' own stems', () => {
    const table = layOutMatchingTable(
      [[{ nextStemId: 1, entryIds: [0, 2] }, { nextStemId: -1, entryIds: [1] }], undefined, [{ nextStemId: 0, entryIds: [3] }]],
      [Int32Array.of(0, 1), Int32Array.of(0), Int32Array.of(2, 1, 0), Int32Array.of(2, 0)],
      [Int32Array.of(1, 0), Int32Array.of(0), Int32Array.of(1, 2, 0), Int32Array.of(0, 2)],
      ['fractur', '3', 'radius'],
    );
    expect([...table.groupBegin]).toEqual([0, 2, 2, 3]);
    expect([...table.groupHeads]).toEqual([1, 0, -1, 9, 0, 12, -1, 16]);
    expect([...table.groupEntries]).toEqual([0, 2, 1, 0, 2, 3, 1, 2, 0, 1, 1, 0, 3, 2, 0, 2]);
    expect([...table.entryStemBegin]).toEqual([0, 2, 3, 6, 8]);
    expect([...table.entryStems]).toEqual([0, 1, 0, 2, 1, 0, 2, 0]);
    expect([...table.numericStem]).toEqual([0, 1, 0]);
  });

  it('agrees with the dictionary\'s own groups and stems', () => {
    const dictionary = buildTermDictionary(fixtureTerminology());
    const { table } = dictionary;
    dictionary.byAnchorGroups.forEach((groups, anchor) => {
      const laidOut = [];
      for (let group = table.groupBegin[anchor]; group < table.groupBegin[anchor + 1]; group += 1) {
        const entryIds = [];
        for (let at = table.groupHeads[2 * group + 1]; at < table.groupHeads[2 * group + 3]; at += 2 + table.groupEntries[at + 1]) {
          entryIds.push(table.groupEntries[at]);
          expect([...table.groupEntries.subarray(at + 2, at + 2 + table.groupEntries[at + 1])]).toEqual([...dictionary.entryCheckIds[table.groupEntries[at]]]);
        }
        laidOut.push({ nextStemId: table.groupHeads[2 * group], entryIds });
      }
      expect(laidOut).toEqual(groups ?? []);
    });
    dictionary.entryStemIds.forEach((ids, entryId) => {
      expect([...table.entryStems.subarray(table.entryStemBegin[entryId], table.entryStemBegin[entryId + 1])]).toEqual([...ids]);
    });
  });

  it('calls a stem numeric when it starts with a digit', () => {
    expect(['2', '3a', 'ii', 'stage'].map(isNumericStem)).toEqual([true, true, false, false]);
  });
});

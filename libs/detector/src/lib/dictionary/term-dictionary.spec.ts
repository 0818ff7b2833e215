import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { contentStems } from './stems.js';
import { buildTermDictionary, type DictionaryEntry, type EntryDraft, type TermDictionary } from './term-dictionary.js';

const draft = (phrase: string, code: string, prior: number): EntryDraft => ({
  stems: contentStems(phrase),
  code,
  source: 'lexicon',
  display: `Learned phrase: ${phrase}`,
  prior,
});

function entriesFor(dictionary: TermDictionary, phrase: string, code: string): DictionaryEntry[] {
  const key = [...contentStems(phrase)].sort().join(' ');
  return dictionary.entries.filter((entry) => entry.code === code && [...entry.stems].sort().join(' ') === key);
}

describe('buildTermDictionary', () => {
  const terminology = fixtureTerminology();

  it('numbers entries by position and draws on every source of the code set', () => {
    const dictionary = buildTermDictionary(terminology);
    dictionary.entries.forEach((entry, index) => expect(entry.id).toBe(index));
    expect(new Set(dictionary.entries.map((entry) => entry.source))).toEqual(new Set(['index', 'title', 'inclusion']));
    expect(entriesFor(dictionary, 'high blood pressure', 'I10')).toHaveLength(1);
  });

  it('adds extra drafts such as mined phrases', () => {
    const dictionary = buildTermDictionary(terminology, [draft('raised blood pressure', 'I10', 0.7)]);
    expect(entriesFor(dictionary, 'raised blood pressure', 'I10')).toEqual([expect.objectContaining({ source: 'lexicon', prior: 0.7 })]);
  });

  it('keeps one entry per stems and code, the one with the highest prior, whatever the word order', () => {
    // A mined phrase that beats a classification entry is marked, so that it keeps the classification's word spread.
    const better = buildTermDictionary(terminology, [draft('pressure blood high', 'I10', 0.9)]);
    expect(entriesFor(better, 'high blood pressure', 'I10')).toEqual([expect.objectContaining({ source: 'lexicon', prior: 0.9, alsoClassified: true })]);
    const twoMined = buildTermDictionary(terminology, [draft('raised pressure', 'I10', 0.6), draft('pressure raised', 'I10', 0.8)]);
    expect(entriesFor(twoMined, 'raised pressure', 'I10')).toEqual([expect.not.objectContaining({ alsoClassified: true })]);
    const worse = buildTermDictionary(terminology, [draft('high blood pressure', 'I10', 0.1)]);
    expect(entriesFor(worse, 'high blood pressure', 'I10')).toEqual([expect.objectContaining({ source: 'inclusion', prior: 0.45 })]);
    const otherCode = buildTermDictionary(terminology, [draft('high blood pressure', 'I119', 0.1)]);
    expect(entriesFor(otherCode, 'high blood pressure', 'I119')).toHaveLength(1);
  });

  it('drops the history-only mark where other words name the code in any context, and counts no history-only stem as a condition alone', () => {
    const historyOnly = { ...draft('high blood pressure', 'I10', 0.9), historyOnly: true };
    expect(entriesFor(buildTermDictionary(terminology, [historyOnly]), 'high blood pressure', 'I10')).toEqual([expect.not.objectContaining({ historyOnly: true })]);
    const alone = buildTermDictionary(terminology, [{ ...draft('hysterectomy', 'Z853', 0.5), historyOnly: true }]);
    expect(alone.standaloneStems[alone.stemIds.get('hysterectomi') as number]).toBe(0);
    const plain = buildTermDictionary(terminology, [draft('hysterectomy', 'Z853', 0.5)]);
    expect(plain.standaloneStems[plain.stemIds.get('hysterectomi') as number]).toBe(1);
  });

  it('skips drafts without stems', () => {
    const plain = buildTermDictionary(terminology);
    const withEmpty = buildTermDictionary(terminology, [draft('other, unspecified', 'I10', 1)]);
    expect(withEmpty.entries).toHaveLength(plain.entries.length);
  });
});

describe('anchoring', () => {
  const dictionary = buildTermDictionary(fixtureTerminology(), [draft('hypertensive crisis', 'I10', 0.6)]);
  const frequency = new Map<string, number>();
  for (const entry of dictionary.entries) for (const stem of entry.stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  const anchorOf = new Map<number, string>();
  for (const [anchor, ids] of dictionary.byAnchor) for (const id of ids) anchorOf.set(id, anchor);

  it('lists every entry under exactly one anchor, one of its own stems', () => {
    const listed = [...dictionary.byAnchor.values()].flat();
    expect(listed.sort((a, b) => a - b)).toEqual(dictionary.entries.map((entry) => entry.id));
    for (const entry of dictionary.entries) expect(entry.stems).toContain(anchorOf.get(entry.id));
  });

  it('anchors an entry at its rarest stem', () => {
    for (const entry of dictionary.entries) {
      const rarest = Math.min(...entry.stems.map((stem) => frequency.get(stem) ?? 0));
      expect(frequency.get(anchorOf.get(entry.id) as string)).toBe(rarest);
    }
    const crisis = entriesFor(dictionary, 'hypertensive crisis', 'I10')[0];
    expect(anchorOf.get(crisis.id)).toBe(contentStems('crisis')[0]);
  });

  it('groups an anchor\'s entries by the next stem a presence test reads, never the anchor itself', () => {
    dictionary.byAnchorGroups.forEach((groups, anchorId) => {
      if (!groups) return;
      expect(groups.flatMap((group) => group.entryIds).sort((a, b) => a - b)).toEqual([...(dictionary.byAnchorId[anchorId] ?? [])].sort((a, b) => a - b));
      for (const { nextStemId, entryIds } of groups) {
        expect(nextStemId).not.toBe(anchorId);
        for (const entryId of entryIds) {
          const checks = [...dictionary.entryCheckIds[entryId]].filter((stemId) => stemId !== anchorId);
          expect(nextStemId).toBe(checks[0] ?? -1);
        }
      }
    });
  });
});

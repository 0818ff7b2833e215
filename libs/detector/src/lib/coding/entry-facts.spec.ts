import { describe, expect, it } from 'vitest';
import { fixtureCodingModel } from '../__fixtures__/coding.js';
import { formatCode } from '@icd/terminology';
import { entryFactsOf } from './entry-facts.js';
import type { StemContext } from './narrow-code.js';

const coding = fixtureCodingModel();
const contextOf = (words: string): StemContext => new Set(words.split(' '));

describe('entryFactsOf', () => {
  it('gathers what resolving a match reads of its entry, once per entry', () => {
    const table = entryFactsOf(coding);
    expect(entryFactsOf(coding)).toBe(table);
    const entry = coding.dictionary.entries[0];
    const facts = table.of(entry.id);
    expect(table.of(entry.id)).toBe(facts);
    expect(facts).toMatchObject({ id: entry.id, code: entry.code, dottedCode: formatCode(entry.code), display: entry.display, score: coding.entryScores[entry.id] });
  });

  it('narrows as the coding model narrows the entry, for billable codes and headers alike', () => {
    const table = entryFactsOf(coding);
    const contexts = [contextOf(''), contextOf('left radius subsequent')];
    let headers = 0;
    for (const entry of coding.dictionary.entries) {
      const facts = table.of(entry.id);
      if (facts.asIs === null) headers += 1;
      expect(facts.narrowingStart === null).toBe(facts.asIs !== null);
      for (const context of contexts) expect(table.narrow(facts, context)).toEqual(coding.narrowEntry(entry.id, context));
    }
    expect(headers).toBeGreaterThan(0);
  });
});

describe('dotted codes of entries (formatCode)', () => {
  it('puts the dot after the category', () => {
    expect(formatCode('S52502D')).toBe('S52.502D');
    expect(formatCode('I10')).toBe('I10');
  });
});

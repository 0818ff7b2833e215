import { describe, expect, it } from 'vitest';
import { lastRangeStartingAtOrBefore, rangesOverlap, sectionAt, sectionCategoryAt, sentenceAt } from './doc-queries.js';
import type { Section, Sentence } from './detector-doc.js';

const sections: Section[] = [
  { category: null, begin: 0, end: 5, header: null },
  { category: 'plan', begin: 5, end: 20, header: { begin: 5, end: 9, text: 'Plan' } },
];
const sentences: Sentence[] = [
  { index: 0, begin: 0, end: 4, tokenBegin: 0, tokenEnd: 2 },
  { index: 1, begin: 6, end: 10, tokenBegin: 2, tokenEnd: 3 },
];

describe('doc queries', () => {
  it('finds the last range starting at or before an offset', () => {
    expect(lastRangeStartingAtOrBefore(sentences, -1)).toBe(-1);
    expect(lastRangeStartingAtOrBefore(sentences, 0)).toBe(0);
    expect(lastRangeStartingAtOrBefore(sentences, 6)).toBe(1);
    expect(lastRangeStartingAtOrBefore([], 3)).toBe(-1);
  });

  it('finds the section of an offset', () => {
    expect(sectionAt({ sections }, 3)?.category).toBeNull();
    expect(sectionCategoryAt({ sections }, 5)).toBe('plan');
    expect(sectionCategoryAt({ sections: [] }, 5)).toBeNull();
  });

  it('finds the sentence of an offset, or null between sentences', () => {
    expect(sentenceAt({ sentences }, 2)?.index).toBe(0);
    expect(sentenceAt({ sentences }, 5)).toBeNull();
    expect(sentenceAt({ sentences }, 9)?.index).toBe(1);
    expect(sentenceAt({ sentences }, 10)).toBeNull();
  });

  it('tells overlapping ranges from touching ones', () => {
    expect(rangesOverlap({ begin: 0, end: 3 }, { begin: 2, end: 5 })).toBe(true);
    expect(rangesOverlap({ begin: 0, end: 3 }, { begin: 3, end: 5 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { matchDocument, matchDocuments, type IsDescendant } from './matching.js';

/** A tiny stand-in for the terminology: a code descends from every strict prefix of it. */
const isPrefixDescendant: IsDescendant = (predicted, gold) => predicted !== gold && predicted.startsWith(gold);

describe('matchDocument', () => {
  it('matches exact codes only, case- and dot-insensitively, in the exact regime', () => {
    const match = matchDocument('d', ['e11.9', 'R51'], ['R51.9', 'E119', 'e11.9']);
    expect(match.gold).toEqual(['E11.9', 'R51']);
    expect(match.predicted).toEqual(['R51.9', 'E11.9']);
    expect(match.matchedGold).toEqual([null, 'E11.9']);
  });

  it('lets a descendant match a gold header once in the bridged regime', () => {
    const match = matchDocument('d', ['R51', 'M54.5'], ['R51.9', 'M54.50', 'M54.59', 'R51'], {
      isDescendant: isPrefixDescendant,
    });
    expect(match.matchedGold).toEqual(['R51', 'M54.5', null, null]);
  });

  it('prefers an exact match over a descendant one', () => {
    const match = matchDocument('d', ['R51', 'R51.9'], ['R51.9'], { isDescendant: isPrefixDescendant });
    expect(match.matchedGold).toEqual(['R51.9']);
  });

  it('reassigns an earlier prediction when that frees a gold code for a later one', () => {
    // A10.12 could take A10 or A10.1; only if it takes A10.1 can A10.5 take A10.
    const match = matchDocument('d', ['A10', 'A10.1'], ['A10.12', 'A10.5'], { isDescendant: isPrefixDescendant });
    expect(match.matchedGold).toEqual(['A10.1', 'A10']);
  });

  it('folds before matching', () => {
    const match = matchDocument('d', ['S72.001A'], ['s72.001d'], { granularity: 'ignore7th' });
    expect(match.matchedGold).toEqual(['S72.001']);
  });
});

describe('matchDocuments', () => {
  it('covers documents with gold or predictions, in id order', () => {
    const gold = new Map([['b', new Set(['I10'])], ['a', new Set(['E11.9'])]]);
    const predictions = new Map([['c', ['I10']]]);
    expect(matchDocuments(gold, predictions).map((match) => match.id)).toEqual(['a', 'b', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { foldCode, foldRankedCodes, normalizeCode } from './codes.js';

describe('normalizeCode', () => {
  it('upper-cases, trims and puts the dot after the category', () => {
    expect(normalizeCode('e11.9')).toBe('E11.9');
    expect(normalizeCode(' e119 ')).toBe('E11.9');
    expect(normalizeCode('w19.xxxa')).toBe('W19.XXXA');
    expect(normalizeCode('S72001A')).toBe('S72.001A');
  });

  it('leaves a bare category without a dot', () => {
    expect(normalizeCode('r52')).toBe('R52');
    expect(normalizeCode('R52.')).toBe('R52');
  });
});

describe('foldCode', () => {
  it('keeps the whole code at the full granularity', () => {
    expect(foldCode('s72.001a', 'full')).toBe('S72.001A');
  });

  it('drops the seventh character of seven-character codes and the placeholders before it', () => {
    expect(foldCode('S72.001A', 'ignore7th')).toBe('S72.001');
    expect(foldCode('w19.xxxa', 'ignore7th')).toBe('W19');
    expect(foldCode('W19.XXX', 'ignore7th')).toBe('W19');
    expect(foldCode('T14.90XA', 'ignore7th')).toBe(foldCode('t14.90', 'ignore7th'));
    expect(foldCode('T81.4XXA', 'ignore7th')).toBe(foldCode('t81.4xx', 'ignore7th'));
    expect(foldCode('S06.9X0A', 'ignore7th')).not.toBe(foldCode('s06.9x', 'ignore7th'));
    expect(foldCode('M54.50', 'ignore7th')).toBe('M54.50');
    expect(foldCode('R52', 'ignore7th')).toBe('R52');
  });

  it('keeps the three-character category', () => {
    expect(foldCode('e11.65', 'category')).toBe('E11');
    expect(foldCode('R52', 'category')).toBe('R52');
  });
});

describe('foldRankedCodes', () => {
  it('drops duplicates after folding, keeping the first rank, and drops blanks', () => {
    expect(foldRankedCodes(['I10', 'e11.9', 'E11.65', '', 'E10.9', 'i10'], 'category')).toEqual(['I10', 'E11', 'E10']);
    expect(foldRankedCodes(['S72.001A', 's72.001d', 'S72.001'], 'ignore7th')).toEqual(['S72.001']);
  });
});

import { describe, expect, it } from 'vitest';
import { keepMostSpecific } from './most-specific-matches.js';
import type { SentenceMatch } from './sentence-matcher.js';
import type { DictionaryEntry } from './term-dictionary.js';

let nextId = 0;

function matchOf(code: string, stems: string[], tokens: number[], source: DictionaryEntry['source'] = 'index'): SentenceMatch {
  const entry: DictionaryEntry = { id: nextId++, stems, code, source, display: stems.join(' '), prior: 0.5 };
  return { entry, tokens, crossesList: false, width: stems.length };
}

const neverBoth = () => false;
const codes = (matches: SentenceMatch[]) => matches.map((match) => match.entry.code);

describe('keepMostSpecific', () => {
  it('drops a match whose words a wider match covers, and lists the widest first', () => {
    const narrower = matchOf('N189', ['kidnei', 'diseas'], [3, 4]);
    const wider = matchOf('N183', ['chronic', 'kidnei', 'diseas', '3'], [2, 3, 4, 6]);
    expect(codes(keepMostSpecific([narrower, wider], neverBoth))).toEqual(['N183']);
  });

  it('keeps matches of equal width in their order', () => {
    const first = matchOf('I10', ['hypertens'], [0]);
    const second = matchOf('E119', ['diabet'], [2]);
    const third = matchOf('I509', ['heart', 'failur'], [4, 5]);
    expect(codes(keepMostSpecific([first, second, third], neverBoth))).toEqual(['I509', 'I10', 'E119']);
  });

  it('never lets a category hide a code within it', () => {
    const category = matchOf('E11', ['type', '2', 'diabet', 'mellitu'], [0, 1, 2, 3]);
    const code = matchOf('E119', ['diabet', '2'], [1, 2]);
    expect(codes(keepMostSpecific([category, code], neverBoth))).toEqual(['E11', 'E119']);
  });

  it('keeps a covered match the wider code asks to be coded beside it', () => {
    const narrower = matchOf('E119', ['diabet'], [1]);
    const wider = matchOf('O244', ['gestat', 'diabet'], [0, 1]);
    expect(codes(keepMostSpecific([narrower, wider], (widerCode) => widerCode === 'O244'))).toEqual(['O244', 'E119']);
  });
});

import { describe, expect, it } from 'vitest';
import { keepMostSpecific } from './most-specific-matches.js';
import type { SentenceMatch } from './sentence-matcher.js';
import type { DictionaryEntry } from './term-dictionary.js';

let nextId = 0;

function matchOf(code: string, stems: string[], tokens: number[], source: DictionaryEntry['source'] = 'index', flags: Partial<DictionaryEntry> = {}): SentenceMatch {
  const entry: DictionaryEntry = { id: nextId++, stems, code, source, display: stems.join(' '), prior: 0.5, ...flags };
  return { entry, tokens, crossesList: false, width: stems.length };
}

const neverBoth = () => false;
/** Chapters as the classification numbers them, for the letters these tests use. */
const chapterOf = (code: string) => ({ A: '1', B: '1', C: '2', E: '4', I: '9', M: '13', N: '14', O: '15', R: '18' } as Record<string, string>)[code.charAt(0)] ?? null;
const codes = (matches: SentenceMatch[]) => matches.map((match) => match.entry.code);

describe('keepMostSpecific', () => {
  it('drops a match whose words a wider match covers, and lists the widest first', () => {
    const narrower = matchOf('N189', ['kidnei', 'diseas'], [3, 4]);
    const wider = matchOf('N183', ['chronic', 'kidnei', 'diseas', '3'], [2, 3, 4, 6]);
    expect(codes(keepMostSpecific([narrower, wider], neverBoth, chapterOf))).toEqual(['N183']);
  });

  it('lets a match whose entry the caller says hides nothing leave the narrower readings standing', () => {
    // An inclusion term coders seldom chose: "Severe abdominal pain (generalized) (with abdominal rigidity)", R10.0.
    const narrower = matchOf('R109', ['abdomin', 'pain'], [1, 2], 'lexicon');
    const wider = matchOf('R100', ['sever', 'abdomin', 'pain'], [0, 1, 2], 'inclusion');
    expect(codes(keepMostSpecific([narrower, wider], neverBoth, chapterOf))).toEqual(['R100']);
    expect(codes(keepMostSpecific([narrower, wider], neverBoth, chapterOf, (entry) => entry !== wider.entry.id))).toEqual(['R100', 'R109']);
  });

  it('lets a history-only match hide nothing: whether it holds is for the assertion to say', () => {
    const condition = matchOf('I219', ['infarct', 'myocardi'], [1, 2]);
    const history = matchOf('I252', ['myocardi', 'infarct', 'old'], [0, 1, 2], 'index', { historyOnly: true });
    expect(codes(keepMostSpecific([condition, history], neverBoth, chapterOf))).toEqual(['I252', 'I219']);
    const wider = matchOf('I252', ['myocardi', 'infarct', 'old'], [0, 1, 2]);
    expect(codes(keepMostSpecific([condition, wider], neverBoth, chapterOf))).toEqual(['I252']);
  });

  it('lets a "with" combination hide readings of other categories, but not of its own, which the result settles once ranked', () => {
    const copd = matchOf('J449', ['copd'], [0]);
    const exacerbation = matchOf('J441', ['copd', 'exacerb'], [0, 2], 'index', { combination: true });
    expect(codes(keepMostSpecific([copd, exacerbation], neverBoth, chapterOf))).toEqual(['J441', 'J449']);
    const neuropathy = matchOf('G629', ['neuropathi'], [3]);
    const diabetic = matchOf('E1140', ['diabet', 'neuropathi'], [0, 3], 'index', { combination: true });
    expect(codes(keepMostSpecific([neuropathy, diabetic], neverBoth, chapterOf))).toEqual(['E1140']);
  });

  it('keeps matches of equal width in their order', () => {
    const first = matchOf('I10', ['hypertens'], [0]);
    const second = matchOf('E119', ['diabet'], [2]);
    const third = matchOf('I509', ['heart', 'failur'], [4, 5]);
    expect(codes(keepMostSpecific([first, second, third], neverBoth, chapterOf))).toEqual(['I509', 'I10', 'E119']);
  });

  it('never lets a category hide a code within it', () => {
    const category = matchOf('E11', ['type', '2', 'diabet', 'mellitu'], [0, 1, 2, 3]);
    const code = matchOf('E119', ['diabet', '2'], [1, 2]);
    expect(codes(keepMostSpecific([category, code], neverBoth, chapterOf))).toEqual(['E11', 'E119']);
  });

  it('keeps a covered match the wider code asks to be coded beside it', () => {
    const narrower = matchOf('E119', ['diabet'], [1]);
    const wider = matchOf('O244', ['gestat', 'diabet'], [0, 1]);
    expect(codes(keepMostSpecific([narrower, wider], (widerCode) => widerCode === 'O244', chapterOf))).toEqual(['O244', 'E119']);
  });
  it('drops a learned code of another letter but the same chapter inside the wider diagnosis: "E. coli" in "sepsis due to E. coli"', () => {
    const organism = matchOf('B9620', ['escherichia'], [3], 'lexicon');
    const sepsis = matchOf('A4151', ['sepsi', 'escherichia', 'coli'], [0, 3]);
    expect(codes(keepMostSpecific([organism, sepsis], neverBoth, chapterOf))).toEqual(['A4151']);
    const infection = matchOf('B999', ['infect'], [2], 'lexicon');
    const uti = matchOf('N390', ['urinari', 'tract', 'infect'], [0, 1, 2]);
    expect(codes(keepMostSpecific([infection, uti], neverBoth, chapterOf))).toEqual(['N390', 'B999']);
  });
  it('lets no "Other ..." title hide the plain reading of its words: "rheumatoid arthritis of both hands"', () => {
    const plain = () => matchOf('M069', ['rheumatoid', 'arthriti'], [0, 1]);
    const other = matchOf('M06849', ['rheumatoid', 'arthriti', 'hand'], [0, 1, 4], 'title', { display: 'Title: Other specified rheumatoid arthritis, unspecified hand' });
    expect(codes(keepMostSpecific([plain(), other], neverBoth, chapterOf))).toEqual(['M06849', 'M069']);
    const titled = matchOf('M0500', ['rheumatoid', 'arthriti', 'hand'], [0, 1, 4], 'title', { display: 'Title: Felty syndrome, unspecified hand' });
    expect(codes(keepMostSpecific([plain(), titled], neverBoth, chapterOf))).toEqual(['M0500']);
  });

  it('drops a Neoplasm Table primary around a morphology the Index codes itself, but keeps a secondary site: "malignant melanoma of the shoulder"', () => {
    const melanoma = () => matchOf('C439', ['melanoma'], [1]);
    const shoulder = matchOf('C7642', ['malign', 'shoulder'], [0, 5], 'neoplasm');
    expect(codes(keepMostSpecific([shoulder, melanoma()], neverBoth, chapterOf))).toEqual(['C439']);
    const liver = matchOf('C787', ['metastat', 'liver'], [0, 4], 'neoplasm');
    expect(codes(keepMostSpecific([liver, melanoma()], neverBoth, chapterOf))).toEqual(['C787', 'C439']);
    // A morphology outside the Table match's stretch names another tumour.
    const lung = matchOf('C3490', ['malign', 'lung'], [3, 4], 'neoplasm');
    expect(codes(keepMostSpecific([lung, melanoma()], neverBoth, chapterOf))).toEqual(['C3490', 'C439']);
  });
  it('drops an Index "NEC" path whose words an as-wide match of another chapter codes: "UTI due to E. coli" is no A49.8', () => {
    const uti = matchOf('N390', ['urinari', 'tract', 'infect'], [0]);
    const necInfection = matchOf('A498', ['infect', 'escherichia', 'coli'], [0, 3], 'index', { notElsewhereClassified: true });
    const organism = matchOf('B9620', ['coli'], [3], 'lexicon');
    expect(codes(keepMostSpecific([uti, necInfection, organism], neverBoth, chapterOf))).toEqual(['N390', 'B9620']);
    expect(codes(keepMostSpecific([necInfection, organism], neverBoth, chapterOf))).toEqual(['A498']);
  });
});

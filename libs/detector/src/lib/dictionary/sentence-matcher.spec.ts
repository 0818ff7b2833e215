import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { matchSentence, type KeepBoth, type SentenceMatch, type StemAtToken } from './sentence-matcher.js';
import { contentStems, stemOf } from './stems.js';
import { buildTermDictionary } from './term-dictionary.js';

/** Mined phrases for heart failure, learned as runs of words: one of the classification's own ("heart failure"), one not. */
const dictionary = buildTermDictionary(fixtureTerminology(), [
  { stems: contentStems('heart failure'), code: 'I509', source: 'lexicon', display: 'Learned phrase: heart failure', prior: 0.8 },
  { stems: contentStems('failing heart'), code: 'I509', source: 'lexicon', display: 'Learned phrase: failing heart', prior: 0.8 },
]);

/** The stems of a sentence whose tokens are its space-separated words. */
function stemsOf(sentence: string): StemAtToken[] {
  return sentence.split(' ').flatMap((word, token) => {
    const stem = stemOf(word.toLowerCase());
    return stem === null ? [] : [{ stem, token }];
  });
}

function match(sentence: string, keepBoth?: KeepBoth): SentenceMatch[] {
  return matchSentence(dictionary, stemsOf(sentence), keepBoth);
}

const codes = (matches: SentenceMatch[]) => [...new Set(matches.map((found) => found.entry.code))].sort();
const displays = (matches: SentenceMatch[]) => matches.map((found) => found.entry.display);

describe('matchSentence: a bag of words within a window', () => {
  it('matches an entry\'s words in any order', () => {
    const matches = match('radius left end lower fracture');
    expect(codes(matches)).toEqual(['S52502']);
    expect(matches[0].tokens).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets other words sit between an entry\'s words, and reports only the tokens that carry them', () => {
    const [found] = match('fracture of the lower end of the left radius');
    expect(found.entry.code).toBe('S52502');
    expect(found.tokens).toEqual([0, 3, 4, 7, 8]);
  });

  it('places an entry at its tightest occurrence: "failure of the heart valve and heart failure" reads the last two words', () => {
    const found = match('failure of the heart valve and heart failure').find((candidate) => candidate.entry.code === 'I509');
    expect(found?.tokens).toEqual([6, 7]);
  });

  it('places a repeated word where the entry\'s other words are, not where it is nearest the anchor', () => {
    // "radius" is the rarest word and anchors the entry; the second "fracture" is nearer to it.
    const [found] = match('fracture of the lower end left radius after a bad fall fracture');
    expect(found.entry.code).toBe('S52502');
    expect(found.tokens).toEqual([0, 3, 4, 5, 6]);
  });

  it('does not match words too far apart', () => {
    expect(match('heart failure')).not.toEqual([]);
    expect(match('heart a b c d e f g h i j failure')).toEqual([]);
  });

  it('finds nothing in words the dictionary does not know', () => {
    expect(match('the quick brown fox')).toEqual([]);
    expect(match('')).toEqual([]);
  });

  it('keeps to one sentence\'s tokens: every match lists distinct tokens in ascending order', () => {
    for (const found of match('type 2 diabetes with chronic kidney disease stage 3 and heart failure')) {
      expect(found.tokens).toEqual([...new Set(found.tokens)].sort((a, b) => a - b));
    }
  });

  it('gives each match the width of its entry, read from the matching table', () => {
    const matches = match('type 2 diabetes with chronic kidney disease stage 3 and heart failure');
    expect(matches.length).toBeGreaterThan(1);
    for (const found of matches) expect(found.width).toBe(found.entry.stems.length);
  });
});

describe('matchSentence: numbers and learned phrases', () => {
  it('needs a number right after the word it qualifies', () => {
    expect(displays(match('diabetes type 2'))).toContain('Index: Diabetes, diabetic > type 2');
    const far = displays(match('type A diabetes grade 2'));
    expect(far).not.toContain('Index: Diabetes, diabetic > type 2');
    expect(far).toContain('Index: Diabetes, diabetic');
  });

  it('needs a learned phrase\'s words together, where the terminology\'s own entries may spread', () => {
    expect(displays(match('failing heart'))).toContain('Learned phrase: failing heart');
    expect(displays(match('failing and weak and heart'))).not.toContain('Learned phrase: failing heart');
    const spread = match('heart and muscle and failure');
    expect(displays(spread)).toContain('Title: Heart failure');
    // The classification also says "heart failure" for I50.9: the learned phrase may spread as its entry does.
    expect(displays(spread)).toContain('Learned phrase: heart failure');
  });
});

describe('matchSentence: the most specific match wins', () => {
  it('drops matches whose words a match with more words covers, but for a "with" combination\'s own category', () => {
    const matches = match('type 2 diabetes with chronic kidney disease');
    // E11.9 stays for the result to settle: it drops E11.9 beside a proposed E11.22, and codes it
    // where the ranker rejects the combination.
    expect(codes(matches)).toEqual(['E1122', 'E119']);
    expect(displays(matches)[0]).toEqual('Index: Diabetes, diabetic > type 2 > with > chronic kidney disease');
    expect(codes(match('chronic kidney disease stage 3'))).not.toContain('N189');
  });

  it('keeps a covered match that the wider code asks to be coded beside it ("use additional code")', () => {
    const keepBoth: KeepBoth = (wider, narrower) => wider === 'E1122' && narrower.startsWith('N18');
    const matches = match('type 2 diabetes with chronic kidney disease', keepBoth);
    expect(codes(matches)).toEqual(['E1122', 'E119', 'N189']);
  });

  it('drops a covered match on words of the same phrase even where its tokens differ', () => {
    // "heart" of "heart failure" is token 4; the I11.0 title took token 1: same words, said more.
    // I11 and I11.9 are the combination's own category, left for the result to settle.
    expect(codes(match('hypertensive heart disease with heart failure'))).toEqual(['I11', 'I110', 'I119']);
    expect(codes(match('hypertensive heart disease with heart failure'))).not.toContain('I509');
  });

  it('never lets a category hide a code within it: the title of E11 leaves the Index\'s E11.9 standing', () => {
    expect(codes(match('type 2 diabetes mellitus'))).toEqual(['E11', 'E119']);
  });

  it('keeps matches on different words', () => {
    expect(codes(match('low back pain and headache'))).toEqual(expect.arrayContaining(['M545', 'R51']));
  });
});

describe('matchSentence: learned phrasings beside wider matches', () => {
  const learned = buildTermDictionary(fixtureTerminology(), [
    { stems: contentStems('failure'), code: 'N189', source: 'lexicon', display: 'Learned phrase: failure (N18.9)', prior: 0.7 },
    { stems: contentStems('disease'), code: 'R519', source: 'lexicon', display: 'Learned phrase: disease (a chapter R code)', prior: 0.7 },
    { stems: contentStems('heart'), code: 'I509', source: 'lexicon', display: 'Learned phrase: heart (I50.9)', prior: 0.7 },
    { stems: contentStems('kidney'), code: 'E119', source: 'lexicon', display: 'Learned phrase: kidney (a code of another chapter)', prior: 0.7 },
  ]);
  const found = codes(matchSentence(learned, stemsOf('hypertensive heart disease with heart failure')));

  it('keeps a learned code of another chapter beside the wider diagnosis', () => {
    expect(codes(matchSentence(learned, stemsOf('chronic kidney disease')))).toEqual(expect.arrayContaining(['N189', 'E119']));
  });

  it('drops a learned code of another chapter inside a title that links conditions with "with": the title codes both', () => {
    expect(found).not.toContain('N189');
  });

  it('drops a learned code of the wider diagnosis\'s own chapter', () => {
    expect(found).toContain('I110');
    expect(found).not.toContain('I509');
  });

  it('drops a learned sign or symptom code (chapter R) inside the wider diagnosis: it is part of it', () => {
    expect(found).not.toContain('R519');
    expect(codes(matchSentence(learned, stemsOf('a disease')))).toContain('R519');
  });
});

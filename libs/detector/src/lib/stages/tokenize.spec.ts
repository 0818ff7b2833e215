import { readFileSync, readdirSync } from 'node:fs';
import { assertSpanOffsets } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { codiespTextDir } from '../__fixtures__/notes.js';
import { NO_SPELLING_ID, createDetectorDoc } from '../detector-doc.js';
import type { Sentence, Token } from '../detector-doc.js';
import { MAX_WINK_RUN, WINK_RECYCLE_CHARACTERS, breakLongRuns, locateToken, tokenize, tokenizeText, winkRecycling } from './tokenize.js';

/** Every broken promise of the tokens and sentences of `text`; plain checks, as expect() per token is slow. */
function inconsistencies(tokens: readonly Token[], sentences: readonly Sentence[]): string[] {
  const problems: string[] = [];
  tokens.forEach((token, i) => {
    if (token.index !== i) problems.push(`token ${i}: index ${token.index}`);
    if (token.text.length === 0 || token.text.trim() !== token.text) problems.push(`token ${i}: blank or padded`);
    if (i > 0 && token.begin < tokens[i - 1].end) problems.push(`token ${i}: overlaps the previous one`);
  });
  let next = 0;
  sentences.forEach((sentence, s) => {
    const { tokenBegin, tokenEnd } = sentence;
    if (sentence.index !== s || tokenBegin !== next || tokenEnd <= tokenBegin) problems.push(`sentence ${s}: bad token range`);
    else if (sentence.begin !== tokens[tokenBegin].begin || sentence.end !== tokens[tokenEnd - 1].end) problems.push(`sentence ${s}: bad span`);
    for (let t = tokenBegin; t < tokenEnd; t += 1) if (tokens[t]?.sentence !== s) problems.push(`token ${t}: sentence is not ${s}`);
    next = tokenEnd;
  });
  if (next !== tokens.length) problems.push('sentences do not cover every token');
  return problems;
}

function withoutSpelling({ spellingId: _id, ...rest }: Token): Omit<Token, 'spellingId'> {
  return rest;
}

/** Checks every invariant the tokens and sentences promise for `text`. */
function expectConsistent(text: string, tokens: readonly Token[], sentences: readonly Sentence[]): void {
  assertSpanOffsets(text, tokens, 'tokens');
  expect(inconsistencies(tokens, sentences)).toEqual([]);
}

const TRICKY_TEXTS: Record<string, string> = {
  crlf: 'Pt denies CP.\r\nHx: HTN, T2DM\r\n\r\nPlan: f/u',
  tabs: 'BP\t140/90\t\tHR 88\tRR 16',
  'multiple spaces': 'No    fever.      Cough   x3 days.',
  'astral characters': 'Rash 😀 on 𝒳x arm 👩‍⚕️ seen; mood 😢 low.',
  'non-breaking and odd spaces': 'a\u00a0b\u2003c\u2009d\u202fe',
  'zero-width, control and separators': 'a\u200bb c\u000bd\u000ce\u2028f\u3000g\ufeffh\u0085i',
  'lone surrogates': 'x \ud83d y \udc00 z',
  contractions: "Can't walk, won't eat, cannot sleep; I'm tired. Pt's wife isn't here.",
  'leading and trailing whitespace': '   \n\t lead and trail \r\n  ',
  'clinical shorthand': 's/p CABG x3 (2019); BP 140/90 mmHg; T 38.5°C; K+ 3.1; Na+ 130; 95% RA @ 10:30am.',
  'combining marks': 'Cafe\u0301 nai\u0308ve ﬁbrosis İstanbul',
  'a space run longer than wink-nlp counts': `a${' '.repeat(70_000)}b`,
};

describe('tokenizeText', () => {
  it.each(Object.entries(TRICKY_TEXTS))('keeps text.slice(begin, end) === token.text: %s', (_name, text) => {
    const { tokens, sentences, unaligned } = tokenizeText(text);
    expect(unaligned).toBe(0);
    expect(tokens.length).toBeGreaterThan(0);
    expectConsistent(text, tokens, sentences);
  });

  it('replaces its wink-nlp instance after a volume of text, so that the words wink-nlp learns cannot pile up, and reads the same after', () => {
    const text = 'Patient with fever and zqxyvel12 cough.\nNo chest pain.';
    const before = tokenizeText(text);
    const generation = winkRecycling.generation;
    try {
      winkRecycling.recycleAfterCharacters = text.length * 2;
      for (let i = 0; i < 3; i += 1) tokenizeText(text);
      expect(winkRecycling.generation).toBeGreaterThan(generation);
      const after = tokenizeText(text);
      // Spellings are numbered afresh by each instance; everything else reads the same.
      expect(after.tokens.map(withoutSpelling)).toEqual(before.tokens.map(withoutSpelling));
      expect({ ...after, tokens: [] }).toEqual({ ...before, tokens: [] });
    } finally {
      winkRecycling.recycleAfterCharacters = WINK_RECYCLE_CHARACTERS;
    }
  });

  it('returns nothing for empty and blank input', () => {
    for (const text of ['', '   ', '\r\n\r\n', '\t \u00a0\n']) {
      const { tokens, sentences } = tokenizeText(text);
      expect(tokens).toEqual([]);
      expect(sentences).toEqual([]);
    }
  });

  it('ends a sentence at every line break, with or without punctuation', () => {
    const text = 'Denies chest pain\nCough for 3 days\r\nNo fever. Mild headache';
    const { sentences } = tokenizeText(text);
    expect(sentences.map((s) => text.slice(s.begin, s.end))).toEqual([
      'Denies chest pain',
      'Cough for 3 days',
      'No fever.',
      'Mild headache',
    ]);
  });

  it('keeps abbreviations with dots inside their sentence', () => {
    const text = 'Seen by Dr. Smith today. Pt. is stable.';
    const { sentences } = tokenizeText(text);
    expect(sentences.map((s) => text.slice(s.begin, s.end))).toEqual(['Seen by Dr. Smith today.', 'Pt. is stable.']);
  });

  it('ends a sentence at a lone letter and its period when a capitalized word follows, and not inside "E. coli"', () => {
    const text = 'CKD stage 3b. Type 2 diabetes. Hepatitis C. He grew E. coli in urine.';
    const { sentences } = tokenizeText(text);
    expect(sentences.map((s) => text.slice(s.begin, s.end))).toEqual(['CKD stage 3b.', 'Type 2 diabetes.', 'Hepatitis C.', 'He grew E. coli in urine.']);
  });

  it('gives normal forms and kinds', () => {
    const { tokens } = tokenizeText("Denies fevers, can't walk 3 days; 😀");
    const byText = (text: string) => tokens.find((token) => token.text === text);
    expect(byText('Denies')).toMatchObject({ normal: 'denies', kind: 'word' });
    expect(byText('fevers')).toMatchObject({ normal: 'fevers', kind: 'word' });
    expect(byText("n't")).toMatchObject({ normal: 'not' });
    expect(byText('3')).toMatchObject({ kind: 'number', normal: '3' });
    expect(byText(',')).toMatchObject({ kind: 'punctuation' });
    expect(byText('😀')).toMatchObject({ kind: 'emoji' });
  });

  it('numbers spellings: one number per spelling, none for a piece of a contraction, whose normal is its own', () => {
    const { tokens } = tokenizeText("Fever, fever and Fever; can't walk. Fever.");
    const idsOf = (text: string) => new Set(tokens.filter((token) => token.text === text).map((token) => token.spellingId));
    expect(idsOf('Fever').size).toBe(1);
    expect(idsOf('fever').size).toBe(1);
    expect([...idsOf('Fever')][0]).not.toBe([...idsOf('fever')][0]);
    expect([...idsOf('ca'), ...idsOf("n't")]).toEqual([NO_SPELLING_ID, NO_SPELLING_ID]);
    expect(tokens.find((token) => token.text === 'ca')?.normal).toBe('can');
  });

  it('numbers spellings from 0 in the order a wink-nlp instance first reads them', () => {
    try {
      // Every call reads with a fresh instance.
      winkRecycling.recycleAfterCharacters = 1;
      tokenizeText('warm up');
      expect(tokenizeText('fever, fever and cough').tokens.map((token) => token.spellingId)).toEqual([0, 1, 0, 2, 3]);
    } finally {
      winkRecycling.recycleAfterCharacters = WINK_RECYCLE_CHARACTERS;
    }
  });

  it('tokenizes non-English text without breaking offsets', () => {
    const text = 'Paciente con dolor torácico.\n患者有胸痛。\nПациент жалуется на боль. Ελληνικά κείμενο.';
    const { tokens, sentences } = tokenizeText(text);
    expectConsistent(text, tokens, sentences);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
  });

  it('lists only the tokens it places, with no empty slot where wink-nlp gave a line break or a tab', () => {
    const { tokens } = tokenizeText('fever\n\n\tcough \r\n pain');
    expect(tokens.map((token) => token.text)).toEqual(['fever', 'cough', 'pain']);
    expect(Object.keys(tokens)).toEqual(['0', '1', '2']);
  });

  it('stays quick on long runs without whitespace, which wink-nlp handles in quadratic time', () => {
    const blob = Array.from({ length: 300_000 }, (_, i) => 'aB9+/.'[i % 6]).join('');
    const text = `start ${blob} end 😀${'😀'.repeat(MAX_WINK_RUN)}`;
    const started = performance.now();
    const { tokens, sentences, unaligned } = tokenizeText(text);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(unaligned).toBe(0);
    expectConsistent(text, tokens, sentences);
    const blobBegin = text.indexOf(blob);
    const blobTokens = tokens.filter((token) => token.begin >= blobBegin && token.end <= blobBegin + blob.length);
    expect(blobTokens.map((token) => token.text).join('')).toBe(blob);
  });

  it.skipIf(codiespTextDir('train') === null)('aligns every token of real clinical cases', () => {
    const dir = codiespTextDir('train') as string;
    for (const file of readdirSync(dir).slice(0, 150)) {
      const text = readFileSync(dir + file, 'utf8');
      const { tokens, sentences, unaligned } = tokenizeText(text);
      expect(unaligned).toBe(0);
      expectConsistent(text, tokens, sentences);
    }
  });
});

describe('locateToken', () => {
  it('finds a token after whitespace and control characters', () => {
    expect(locateToken('a \t\u0085 b', 'b', 1)).toBe(5);
  });

  it('resynchronises within a short window when something unexpected sits in between', () => {
    expect(locateToken('a ~~ b', 'b', 1)).toBe(5);
  });

  it('gives up beyond the window instead of scanning the rest of the text', () => {
    expect(locateToken(`a ${'~'.repeat(1000)} b`, 'b', 1)).toBe(-1);
    expect(locateToken('abc', 'zzz', 0)).toBe(-1);
  });
});

describe('breakLongRuns', () => {
  it('leaves ordinary text as it is', () => {
    const text = 'No fever.\r\nCough x3 days, BP 140/90.';
    expect(breakLongRuns(text)).toBe(text);
  });

  it('splits long runs into pieces no longer than MAX_WINK_RUN, never inside a surrogate pair', () => {
    const run = `a${'😀'.repeat(MAX_WINK_RUN)}`;
    const pieces = breakLongRuns(run).split(' ');
    expect(pieces.join('')).toBe(run);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MAX_WINK_RUN + 1);
      expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('tokenize stage', () => {
  it('fills tokens and sentences, records itself and leaves the input doc alone', () => {
    const input = createDetectorDoc('No fever.\nCough.');
    const output = tokenize(input, undefined as never);
    expect(input.tokens).toEqual([]);
    expect(output.text).toBe(input.text);
    expect(output.tokens.map((token) => token.text)).toEqual(['No', 'fever', '.', 'Cough', '.']);
    expect(output.sentences).toHaveLength(2);
    expect(output.completedStages).toEqual(['tokenize']);
    expect(output.diagnostics).toEqual([]);
  });
});

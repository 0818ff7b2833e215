import { describe, expect, it } from 'vitest';
import { TerminalPunctuationBoundaries, isTerminalPunctuation } from './sentence-boundaries.js';
import { tokenizeText } from './tokenize.js';

function sentencesOf(text: string): string[] {
  return tokenizeText(text).sentences.map((s) => text.slice(s.begin, s.end));
}

describe('isTerminalPunctuation', () => {
  it('accepts runs of periods, question and exclamation marks and the ellipsis, and nothing else', () => {
    for (const text of ['.', '?', '!', '...', '?!', '\u2026']) expect(isTerminalPunctuation(text)).toBe(true);
    for (const text of ['', ',', 'Dr.', '.5', ';', ')']) expect(isTerminalPunctuation(text)).toBe(false);
  });
});

describe('TerminalPunctuationBoundaries', () => {
  it('starts a sentence at the first token after terminal punctuation, not before', () => {
    const boundaries = new TerminalPunctuationBoundaries();
    expect(['No', 'fever', '.', 'Mild', 'cough'].map((t) => boundaries.startsSentence(t, false))).toEqual([false, false, false, true, false]);
  });

  it('keeps touching closing marks and further punctuation in the ended sentence', () => {
    const boundaries = new TerminalPunctuationBoundaries();
    expect(['ok', '.', ')', '"', '!', 'Next'].map((t) => boundaries.startsSentence(t, true))).toEqual([false, false, false, false, false, true]);
  });

  it('lets a quote that does not touch the period open the next sentence', () => {
    const boundaries = new TerminalPunctuationBoundaries();
    expect(boundaries.startsSentence('said', false)).toBe(false);
    expect(boundaries.startsSentence('.', true)).toBe(false);
    expect(boundaries.startsSentence('"', false)).toBe(true);
  });

  it('reads a comma, semicolon or colon after the punctuation as a sentence that runs on', () => {
    const boundaries = new TerminalPunctuationBoundaries();
    expect(['al', '.', ',', '2001'].map((t) => boundaries.startsSentence(t, true))).toEqual([false, false, false, false]);
  });
});

describe('sentences of the tokenize stage', () => {
  it('ends sentences at terminal punctuation, keeping abbreviations, closing marks and citations inside', () => {
    expect(sentencesOf('Seen by Dr. Smith (cardiology). Is it angina? Yes! Smith et al., 2001 agree.')).toEqual([
      'Seen by Dr. Smith (cardiology).',
      'Is it angina?',
      'Yes!',
      'Smith et al., 2001 agree.',
    ]);
  });

  it('keeps a closing quote with its sentence and lets an opening one start the next', () => {
    expect(sentencesOf('He said "I feel sick." "Since when?" They left.')).toEqual(['He said "I feel sick."', '"Since when?"', 'They left.']);
  });
});

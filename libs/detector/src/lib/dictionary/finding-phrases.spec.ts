import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../stages/tokenize.js';
import { FINDING_PHRASES, findingPhraseTokens, parseFindingPhrases } from './finding-phrases.js';

/** The words of `text` that the shipped finding phrases leave out of term matching. */
function maskedWords(text: string): string[] {
  const { tokens } = tokenizeText(text);
  return [...findingPhraseTokens(tokens, 0, tokens.length)].sort((a, b) => a - b).map((index) => tokens[index].text);
}

describe('finding phrases', () => {
  it('masks the word that names a finding, not a condition, and only that word', () => {
    expect(maskedWords('EKG with ST depression in V4-V6.')).toEqual(['depression']);
    expect(maskedWords('Echo: depressed LV function. Depressed skull fracture.')).toEqual(['depressed', 'Depressed']);
    expect(maskedWords('Respiratory depression after opioids.')).toEqual(['depression']);
  });

  it('reads a hyphen between words as a space, and the case of no word', () => {
    expect(maskedWords('st-segment depression; J-point depression')).toEqual(['depression', 'depression']);
  });

  it('leaves the condition itself alone', () => {
    expect(maskedWords('Major depression. Depression, recurrent. Depressed mood.')).toEqual([]);
    expect(maskedWords('ST elevation myocardial infarction.')).toEqual([]);
  });

  it('refuses a phrase without exactly one bracketed word, naming it', () => {
    expect(() => parseFindingPhrases({ phrases: ['ST depression'] })).toThrow(/finding-phrases\.en\.json: phrases\.0: a phrase is words/);
    expect(() => parseFindingPhrases({ phrases: ['[ST] [depression]'] })).toThrow(/phrases\.0/);
    expect(FINDING_PHRASES.byFirstWord.get('st')?.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureCodingModel } from '../__fixtures__/coding.js';
import { wordStemIdsOf } from '../dictionary/word-stem-ids.js';
import { separatorsBetweenConditions } from './list-qualifiers.js';
import { tokenizeText } from './tokenize.js';

const coding = fixtureCodingModel();
const words = wordStemIdsOf(coding.dictionary);

/** The separators of the first sentence of `text` that still part conditions, as the text after each. */
function partingSeparators(text: string): string[] {
  const { tokens, sentences } = tokenizeText(text);
  const tokenWords = words.entriesOf(tokens);
  const sentence = sentences[0];
  const separators: number[] = [];
  for (let index = sentence.tokenBegin; index < sentence.tokenEnd; index += 1) if (tokenWords.isListSeparator(index)) separators.push(index);
  return separatorsBetweenConditions(tokenWords, sentence, separators, coding.dictionary.standaloneStems).map((index) => tokens[index + 1]?.text ?? '(end)');
}

describe('separatorsBetweenConditions', () => {
  it('lets a comma before a lone qualifier word go: "kidney disease, chronic"', () => {
    expect(partingSeparators('Kidney disease, chronic.')).toEqual([]);
    expect(partingSeparators('Type 2 diabetes, chronic, and hypertension.')).toEqual(['and', 'hypertension']);
  });

  it('lets a comma go before a qualifier word with its number: "chronic kidney disease, stage 3"', () => {
    expect(partingSeparators('Chronic kidney disease, stage 3.')).toEqual([]);
    expect(partingSeparators('Chronic kidney disease, stage 3 anemia.')).toEqual(['stage']);
  });

  it('keeps a comma before a condition named by one word, or before several words', () => {
    expect(partingSeparators('Type 2 diabetes, hypertension.')).toEqual(['hypertension']);
    expect(partingSeparators('Type 2 diabetes, chronic kidney disease.')).toEqual(['chronic']);
    expect(partingSeparators('Headache, chronic pain.')).toEqual(['chronic']);
  });

  it('lets a comma go before a qualifier led by "in", "on" or "at", as the classification writes "Opioid dependence, in remission"', () => {
    expect(partingSeparators('Opioid dependence, in remission.')).toEqual([]);
    expect(partingSeparators('Opioid dependence, in hypertension.')).toEqual(['in']);
  });

  it('lets no other word lead a qualifier: an article before an abbreviation still parts the list', () => {
    expect(partingSeparators('Normal pulmonary examination and a BMI (Body Mass Index) of 26.')[0]).toBe('a');
  });
});

import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../stages/tokenize.js';
import { ORGANIZATION_NAMES, organizationNameTokens, parseOrganizationNames } from './organization-names.js';

/** The words of `text` that name a department or service. */
function maskedWords(text: string): string[] {
  const { tokens } = tokenizeText(text);
  return [...organizationNameTokens(tokens, 0, tokens.length)].sort((a, b) => a - b).map((index) => tokens[index].text);
}

describe('organizationNameTokens', () => {
  it('takes a department or service name: its head word and up to three words before it', () => {
    expect(maskedWords('He was referred to the pain unit for control.')).toEqual(['pain', 'unit']);
    expect(maskedWords('Admitted to the General Surgery Department due to abdominal pain.')).toEqual(['General', 'Surgery', 'Department']);
    expect(maskedWords('Seen by the pediatric infectious diseases service.')).toEqual(['pediatric', 'infectious', 'diseases', 'service']);
    expect(maskedWords('In conjunction with the Department of Infectious Diseases, fever persisted.')).toEqual(['Department', 'of', 'Infectious', 'Diseases']);
  });

  it('stops at a determiner, a preposition, a number or punctuation, and leaves other text alone', () => {
    expect(maskedWords('He was transfused 2 units of blood.')).toEqual([]);
    expect(maskedWords('Transfused 1 unit of blood for anemia.')).toEqual(['unit']);
    expect(maskedWords('Severe pain, unit of measure unknown.')).toEqual(['unit']);
    expect(maskedWords('Severe abdominal pain and fever.')).toEqual([]);
  });

  it('keeps to the token range it is given', () => {
    const { tokens } = tokenizeText('the pain unit');
    expect([...organizationNameTokens(tokens, 2, 3)]).toEqual([2]);
  });
});

describe('parseOrganizationNames', () => {
  it('loads the shipped file', () => {
    expect(ORGANIZATION_NAMES.heads.has('department')).toBe(true);
  });

  it('names the field at fault in a bad file', () => {
    expect(() => parseOrganizationNames({ heads: ['Two Words'], maxWordsBefore: 3, maxWordsAfterOf: 3, stopWords: [] })).toThrow(/organization-names\.en\.json: heads\.0: a head word is one lower-case word/);
    expect(() => parseOrganizationNames({ heads: ['unit'], maxWordsBefore: 0, maxWordsAfterOf: 3, stopWords: [] })).toThrow(/organization-names\.en\.json: maxWordsBefore/);
  });
});

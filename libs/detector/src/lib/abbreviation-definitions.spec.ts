import { describe, expect, it } from 'vitest';
import { findAbbreviationDefinitions, spelledLongForm } from './abbreviation-definitions.js';

describe('spelledLongForm', () => {
  it('finds the shortest run of words that spells the short form, its first letter starting a word', () => {
    expect(spelledLongForm('PN', 'was started on parenteral nutrition')).toBe('parenteral nutrition');
    expect(spelledLongForm('TS', 'The diagnosis was Takotsubo syndrome')).toBe('Takotsubo syndrome');
    expect(spelledLongForm('HbA1c', 'glycated hemoglobin A1c')).toBe('hemoglobin A1c');
    expect(spelledLongForm('AKI', 'she developed acute kidney injury')).toBe('acute kidney injury');
  });

  it('gives null where the words do not spell it (a translated note keeps the original order)', () => {
    expect(spelledLongForm('AV', 'Visual acuity')).toBeNull();
    expect(spelledLongForm('OD', 'Her right eye')).toBeNull();
  });
});

describe('findAbbreviationDefinitions', () => {
  it('keeps the first definition of each short form, with the site of the parenthesised form', () => {
    const text = 'Parenteral nutrition (PN) was started. Visual acuity (AV) was low. Later, total parenteral nutrition (PN).';
    const definitions = findAbbreviationDefinitions(text);
    expect(definitions.get('PN')).toEqual({ shortForm: 'PN', longForm: 'Parenteral nutrition', site: { begin: 22, end: 24 } });
    expect(definitions.get('AV')?.longForm).toBeNull();
    expect(definitions.size).toBe(2);
  });

  it('does not read back past a sentence end, and ignores parentheses that hold no short form', () => {
    const definitions = findAbbreviationDefinitions('Pain. (PN) was noted (mild) and (x2).');
    expect(definitions.get('PN')?.longForm).toBeNull();
    expect(definitions.has('mild')).toBe(false);
    expect(definitions.has('x2')).toBe(false);
  });
});

import { AFFIRMED_ASSERTION } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { assertionFromCues, createMention } from './mentions.js';

describe('createMention', () => {
  const doc = { text: 'PMH: asthma', sections: [{ category: 'past_medical_history', begin: 0, end: 11, header: { begin: 0, end: 3, text: 'PMH' } }] };

  it('fills in text, section and an affirmed assertion', () => {
    expect(createMention(doc, { begin: 5, end: 11 })).toEqual({
      begin: 5,
      end: 11,
      text: 'asthma',
      section: 'past_medical_history',
      assertion: AFFIRMED_ASSERTION,
      assertionCues: [],
    });
  });

  it('leaves out the sentence period a word kept, but not the period of an abbreviation with dots', () => {
    const text = 'CT: a lung mass. Hepatitis C. Seen e.g. today.';
    const plain = { text, sections: [] };
    expect(createMention(plain, { begin: 6, end: 16 })).toMatchObject({ end: 15, text: 'lung mass' });
    expect(createMention(plain, { begin: 17, end: 29 })).toMatchObject({ text: 'Hepatitis C' });
    expect(createMention(plain, { begin: 35, end: 39 })).toMatchObject({ text: 'e.g.' });
    expect(createMention(plain, { begin: 45, end: 46 })).toMatchObject({ text: '.' });
  });

  it('rejects a range outside the text, without quoting the text', () => {
    expect(() => createMention(doc, { begin: 5, end: 40 })).toThrow(/\[5, 40\) is not a span of a 11-character text/);
    expect(() => createMention(doc, { begin: 6, end: 5 })).toThrow(RangeError);
    expect(() => createMention(doc, { begin: 0.5, end: 2 })).toThrow(RangeError);
  });
});

describe('assertionFromCues', () => {
  it('sets one flag per category', () => {
    const assertion = assertionFromCues([
      { source: 'trigger', category: 'NEGATED_EXISTENCE', literal: 'no', begin: 0, end: 2 },
      { source: 'section', category: 'FAMILY', section: 'family_history' },
    ]);
    expect(assertion).toEqual({ ...AFFIRMED_ASSERTION, negated: true, family: true });
    expect(AFFIRMED_ASSERTION.negated).toBe(false);
  });

  it('gives the shared affirmed assertion where there are no cues', () => {
    expect(assertionFromCues([])).toBe(AFFIRMED_ASSERTION);
  });
});

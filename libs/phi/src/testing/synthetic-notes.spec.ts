import { describe, expect, it } from 'vitest';
import { PHI_TYPES } from '../lib/redaction/phi-types.js';
import { scoreRedaction } from './score-redaction.js';
import { generateSyntheticNotes } from './synthetic-notes.js';

describe('generateSyntheticNotes', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSyntheticNotes(5, 42)).toEqual(generateSyntheticNotes(5, 42));
    expect(generateSyntheticNotes(5, 42)[0].text).not.toBe(generateSyntheticNotes(5, 43)[0].text);
  });

  it('embeds every identifier type, with ground-truth spans in order and inside the text', () => {
    const notes = generateSyntheticNotes(100);
    const types = new Set(notes.flatMap((note) => note.spans.map((span) => span.type)));
    expect([...types].sort()).toEqual([...PHI_TYPES].sort());
    for (const note of notes) {
      let previousEnd = 0;
      for (const span of note.spans) {
        expect(span.begin).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end).toBeLessThanOrEqual(note.text.length);
        expect(note.text.slice(span.begin, span.end).trim()).not.toBe('');
        previousEnd = span.end;
      }
    }
  });

  it('keeps the year of dates out of the ground truth, except birth years of patients over 89', () => {
    const dates = generateSyntheticNotes(50).flatMap((note) =>
      note.spans.filter((span) => span.type === 'DATE').map((span) => note.text.slice(span.begin, span.end)),
    );
    expect(dates.length).toBeGreaterThan(100);
    for (const date of dates) {
      const year = /(?:19|20)\d\d/.exec(date)?.[0];
      if (year) expect(Number(year), date).toBeLessThan(1935);
    }
  });
});

describe('scoreRedaction', () => {
  it('counts coverage across split spans, typed coverage, and precision', () => {
    const expected = [{ type: 'NAME' as const, begin: 0, end: 10 }, { type: 'FAX' as const, begin: 20, end: 30 }];
    const found = [
      { type: 'NAME' as const, begin: 0, end: 4 },
      { type: 'NAME' as const, begin: 4, end: 10 },
      { type: 'PHONE' as const, begin: 20, end: 30 },
      { type: 'DATE' as const, begin: 40, end: 45 },
    ];
    const score = scoreRedaction([{ expected, found }]);
    expect(score.byType.NAME).toMatchObject({ expected: 1, covered: 1, coveredAsType: 1, found: 2, foundCorrect: 2 });
    expect(score.byType.FAX).toMatchObject({ expected: 1, covered: 1, coveredAsType: 0 });
    expect(score.byType.DATE).toMatchObject({ found: 1, foundCorrect: 0 });
    expect(score.overall).toMatchObject({ expected: 2, covered: 2, found: 4, foundCorrect: 3 });
  });
});

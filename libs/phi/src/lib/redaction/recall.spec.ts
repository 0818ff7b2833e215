/**
 * Recall floors on a fixed-seed synthetic set (300 notes, seed 42; `npm run bench:redaction`
 * prints the same figures for 500). Structured identifiers have closed formats, so >= 0.95 each.
 * Names and addresses depend on cues and capitalisation; the set includes cue-less, lower-case and
 * suffix-less cases on purpose, so the floor is 0.95 there too but with less margin (measured
 * about 0.98). The generator and the rules share an author: real notes will score lower.
 */
import { describe, expect, it } from 'vitest';
import { generateSyntheticNotes } from '../../testing/synthetic-notes.js';
import { precisionOf, recallOf, scoreRedaction } from '../../testing/score-redaction.js';
import { PHI_TYPES, type PhiType } from './phi-types.js';
import { redactPhi } from './redact.js';

const STRUCTURED_FLOOR = 0.95;
const FREE_TEXT_FLOOR = 0.95;
const FREE_TEXT_TYPES: ReadonlySet<PhiType> = new Set(['NAME', 'ADDRESS']);

const notes = generateSyntheticNotes(300, 42);
const score = scoreRedaction(notes.map((note) => ({ expected: note.spans, found: redactPhi(note.text).spans })));

describe('recall on synthetic notes (seed 42)', () => {
  it.each(PHI_TYPES)('%s is redacted with recall above its floor', (type) => {
    const row = score.byType[type];
    expect(row.expected, `${type} occurs in the set`).toBeGreaterThan(20);
    expect(recallOf(row)).toBeGreaterThanOrEqual(FREE_TEXT_TYPES.has(type) ? FREE_TEXT_FLOOR : STRUCTURED_FLOOR);
  });

  it('redacts at least 98% of all identifiers, nearly all with the right type', () => {
    expect(recallOf(score.overall)).toBeGreaterThanOrEqual(0.98);
    expect(score.overall.coveredAsType / score.overall.expected).toBeGreaterThanOrEqual(0.97);
  });

  it('rarely redacts what is not PHI (eponyms, scores, doses, codes in the notes)', () => {
    expect(precisionOf(score.overall)).toBeGreaterThanOrEqual(0.98);
    for (const type of PHI_TYPES) expect(precisionOf(score.byType[type]), type).toBeGreaterThanOrEqual(0.9);
  });
});

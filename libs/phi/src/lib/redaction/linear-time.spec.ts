/**
 * The redactor must stay linear on hostile input: a rule that backtracks catastrophically would
 * take minutes or hours on these megabyte inputs, not the budget below (typically 0.1-1 s each).
 */
import { describe, expect, it } from 'vitest';
import { generateSyntheticNotes } from '../../testing/synthetic-notes.js';
import { redactPhi } from './redact.js';

const MEGABYTE = 1_000_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(MEGABYTE / unit.length));

const ADVERSARIAL: Record<string, string> = {
  digits: repeat('1'),
  'spaced digits': repeat('1 '),
  'dashed digits': repeat('1-'),
  'dotted digits': repeat('1.'),
  'slashed digits': repeat('12/'),
  colons: repeat('ab12:'),
  'capitalised words': repeat('Aaaa '),
  'comma-separated names': repeat('Smith, '),
  'at signs': repeat('a@'),
  'near e-mails': repeat(`${'a'.repeat(60)}@${'b.'.repeat(100)} `),
  'one long URL': `http://${repeat('a')}`,
  'near URLs': repeat(`www.${'a.'.repeat(300)} `),
  titles: repeat('Dr. '),
  cues: repeat('MRN Patient: SSN '),
  'street-like': repeat('12 Oak Oak Oak Oak Oak '),
  'letters and digits': repeat('A1'),
  'month names': repeat('March March 3 '),
  names: repeat('John Smith '),
};

function secondsToRedact(text: string): number {
  const started = performance.now();
  redactPhi(text);
  return (performance.now() - started) / 1000;
}

describe('redaction time', () => {
  it.each(Object.keys(ADVERSARIAL))('is linear on 1 MB of %s', (name) => {
    expect(secondsToRedact(ADVERSARIAL[name])).toBeLessThan(8);
  });

  it('redacts 3 MB of clinical notes in seconds', () => {
    const notes = generateSyntheticNotes(2500, 3).map((note) => note.text).join('\n\n');
    expect(notes.length).toBeGreaterThan(3 * MEGABYTE);
    expect(secondsToRedact(notes)).toBeLessThan(15);
  });
});

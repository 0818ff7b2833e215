import { describe, expect, it } from 'vitest';
import { generateSyntheticNotes } from '../../testing/synthetic-notes.js';
import { mapOffset, mapRedactedOffset, mapRedactedSpan, mapSpan } from './offsets.js';
import { placeholderFor } from './phi-types.js';
import { redactPhi } from './redact.js';

const TEXT = 'Patient: Jane Roe, seen 03/15/2021 for Parkinson disease. Phone 217-555-0134.';

describe('redaction spans', () => {
  const notes = generateSyntheticNotes(60, 7);

  it('put each placeholder where the span says, in order, without overlaps', () => {
    for (const note of notes) {
      const { text, spans } = redactPhi(note.text);
      let previousEnd = 0;
      for (const span of spans) {
        expect(span.begin).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end).toBeGreaterThan(span.begin);
        expect(text.slice(span.redactedBegin, span.redactedEnd)).toBe(placeholderFor(span.type));
        expect(mapSpan(spans, span)).toMatchObject({ begin: span.redactedBegin, end: span.redactedEnd });
        previousEnd = span.end;
      }
    }
  });

  it('leave the text outside spans unchanged, and offsets there map both ways exactly', () => {
    for (const note of notes) {
      const { text, spans } = redactPhi(note.text);
      const gaps = [0, ...spans.flatMap((span) => [span.begin, span.end]), note.text.length];
      for (let i = 0; i < gaps.length; i += 2) {
        const [begin, end] = [gaps[i], gaps[i + 1]];
        const mapped = mapSpan(spans, { begin, end });
        expect(text.slice(mapped.begin, mapped.end)).toBe(note.text.slice(begin, end));
        for (const offset of [begin, Math.floor((begin + end) / 2), end]) {
          expect(mapRedactedOffset(spans, mapOffset(spans, offset))).toBe(offset);
        }
      }
    }
  });
});

describe('mapOffset and mapSpan', () => {
  const { text, spans } = redactPhi(TEXT);

  it('carry evidence found on the original text over to the redacted text', () => {
    const begin = TEXT.indexOf('Parkinson disease');
    const evidence = { begin, end: begin + 'Parkinson disease'.length, code: 'G20' };
    const mapped = mapSpan(spans, evidence);
    expect(text.slice(mapped.begin, mapped.end)).toBe('Parkinson disease');
    expect(mapped.code).toBe('G20');
  });

  it('map an offset inside an identifier to the start or end of its placeholder', () => {
    const name = spans[0];
    expect(mapOffset(spans, name.begin + 2)).toBe(name.redactedBegin);
    expect(mapOffset(spans, name.begin + 2, 'end')).toBe(name.redactedEnd);
    expect(mapOffset(spans, name.begin)).toBe(name.redactedBegin);
    expect(mapOffset(spans, name.end)).toBe(name.redactedEnd);
  });

  it('widen a span that cuts into an identifier to the whole placeholder', () => {
    const name = spans[0];
    const mapped = mapSpan(spans, { begin: 0, end: name.begin + 3 });
    expect(text.slice(mapped.begin, mapped.end)).toBe('Patient: [NAME]');
  });

  it('map spans found on the redacted text back to the original text', () => {
    const begin = text.indexOf('[DATE]');
    const original = mapRedactedSpan(spans, { begin, end: begin + '[DATE]'.length });
    expect(TEXT.slice(original.begin, original.end)).toBe('03/15');
    const disease = text.indexOf('Parkinson');
    const back = mapRedactedSpan(spans, { begin: disease, end: disease + 9 });
    expect(TEXT.slice(back.begin, back.end)).toBe('Parkinson');
  });

  it('leave offsets unchanged when nothing was redacted, and reject negative offsets', () => {
    expect(mapOffset([], 12)).toBe(12);
    expect(() => mapOffset(spans, -1)).toThrow(RangeError);
    expect(() => mapOffset(spans, 1.5)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { SAMPLE_TEXT, sampleResult } from './__fixtures__/sample-result.js';
import { EvidenceOffsetError, assertEvidenceOffsets, assertSpanOffsets } from './evidence-offsets.js';

describe('assertEvidenceOffsets', () => {
  it('passes a result whose spans index the text, across CRLF and astral characters', () => {
    expect(() => assertEvidenceOffsets(SAMPLE_TEXT, sampleResult())).not.toThrow();
  });

  it('throws on a shifted evidence span and names its path', () => {
    const result = sampleResult();
    const evidence = result.codes[0].evidence[0];
    result.codes[0].evidence[0] = { ...evidence, begin: evidence.begin + 1, end: evidence.end + 1 };
    expect(() => assertEvidenceOffsets(SAMPLE_TEXT, result)).toThrow(/codes\[0]\.evidence\[0]/);
  });

  it('throws on a mention out of range, and on a wrong documentLength', () => {
    const result = sampleResult();
    result.mentions[1] = { ...result.mentions[1], begin: 1000, end: 1012 };
    result.documentLength = 3;
    try {
      assertEvidenceOffsets(SAMPLE_TEXT, result);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EvidenceOffsetError);
      const paths = (error as EvidenceOffsetError).violations.map((v) => v.path);
      expect(paths).toEqual(['documentLength', 'mentions[1]']);
    }
  });

  it('never puts the text in the message: it is PHI', () => {
    const result = sampleResult();
    result.mentions[0] = { ...result.mentions[0], text: 'chest PAIN' };
    expect(() => assertEvidenceOffsets(SAMPLE_TEXT, result)).toThrow(EvidenceOffsetError);
    try {
      assertEvidenceOffsets(SAMPLE_TEXT, result);
    } catch (error) {
      expect((error as Error).message).not.toMatch(/chest|PAIN/i);
    }
  });
});

describe('assertSpanOffsets', () => {
  it('checks any list of spans, including half surrogate pairs', () => {
    const text = 'a😀b';
    expect(() => assertSpanOffsets(text, [{ begin: 1, end: 3, text: '😀' }])).not.toThrow();
    expect(() => assertSpanOffsets(text, [{ begin: 1, end: 2, text: '😀' }], 'tokens')).toThrow(/tokens\[0]/);
  });
});

import { describe, expect, it } from 'vitest';
import { StageOrderError, createDetectorDoc, requireStages, withLayers } from './detector-doc.js';

describe('DetectorDoc', () => {
  it('starts with the text and empty layers', () => {
    expect(createDetectorDoc('abc')).toEqual({
      text: 'abc',
      tokens: [],
      sentences: [],
      sections: [],
      expansions: [],
      mentions: [],
      candidates: [],
      resolutions: [],
      completedStages: [],
      diagnostics: [],
    });
  });

  it('replaces layers in a new doc and records the stage, leaving the old doc as it was', () => {
    const before = createDetectorDoc('abc');
    const after = withLayers(before, 'sectionize', { sections: [{ category: null, begin: 0, end: 3, header: null }] });
    expect(after).not.toBe(before);
    expect(before.sections).toEqual([]);
    expect(after.sections).toHaveLength(1);
    expect(after.completedStages).toEqual(['sectionize']);
  });

  it('names the missing stages when a stage runs too early', () => {
    const doc = withLayers(createDetectorDoc(''), 'tokenize', {});
    expect(() => requireStages(doc, 'assert-context', ['tokenize'])).not.toThrow();
    expect(() => requireStages(doc, 'assert-context', ['tokenize', 'sectionize'])).toThrow(StageOrderError);
    expect(() => requireStages(doc, 'assert-context', ['sectionize'])).toThrow(/"assert-context" needs "sectionize"/);
  });
});

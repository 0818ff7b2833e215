import { describe, expect, it } from 'vitest';
import * as detector from './index.js';

describe('detector public API (src/index.ts)', () => {
  it('exposes the stages, the pipeline and the rule loaders', () => {
    for (const name of [
      'TEXT_STAGES',
      'runStages',
      'runStagesOnDoc',
      'createDetectorDoc',
      'createMention',
      'tokenize',
      'sectionize',
      'expandAbbreviations',
      'assertContext',
      'loadDefaultRules',
      'loadRulesFromFiles',
      'RuleFileError',
    ]) {
      expect(detector).toHaveProperty(name);
    }
  });

  it('runs end to end through the public entry point', () => {
    const doc = detector.runStages('PMH: HTN.\nDenies CP.');
    expect(doc.sections.map((section) => section.category)).toEqual(['past_medical_history']);
    expect(doc.expansions.map((expansion) => expansion.expansion)).toEqual(['past medical history', 'hypertension', 'chest pain']);
  });
});

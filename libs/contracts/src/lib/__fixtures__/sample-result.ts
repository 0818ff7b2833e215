import type { DetectionResult } from '../detection-result.js';

/** A short note and a result whose spans index it exactly; shared by the spec files. */
export const SAMPLE_TEXT = 'PMH: T2DM with CKD stage 3.\r\nDenies chest pain. 😀 Mother had colon cancer.';

const span = (needle: string, section: string | null) => {
  const begin = SAMPLE_TEXT.indexOf(needle);
  if (begin < 0) throw new Error(`fixture needle not found: ${needle}`);
  return { begin, end: begin + needle.length, text: needle, section };
};

/** Builds a fresh valid result for {@link SAMPLE_TEXT}. */
export function sampleResult(): DetectionResult {
  const affirmed = { negated: false, uncertain: false, hypothetical: false, historical: false, family: false };
  return {
    schemaVersion: 1,
    terminology: { system: 'ICD-10-CM', version: 'FY2026' },
    documentLength: SAMPLE_TEXT.length,
    codes: [
      {
        code: 'E11.22',
        title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
        billable: true,
        score: 0.92,
        evidence: [span('T2DM', 'past_medical_history'), span('CKD stage 3', 'past_medical_history')],
        rationale: 'Diabetes, type 2, with, chronic kidney disease',
        alternatives: [{ code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', score: 0.4 }],
      },
    ],
    mentions: [
      {
        ...span('chest pain', 'past_medical_history'),
        assertion: { ...affirmed, negated: true },
        candidates: [{ code: 'R07.9', title: 'Chest pain, unspecified', score: 0.8 }],
        coded: false,
        reason: 'negated',
      },
      {
        ...span('colon cancer', 'past_medical_history'),
        assertion: { ...affirmed, family: true },
        candidates: [],
        coded: false,
        reason: 'family history',
      },
    ],
  };
}

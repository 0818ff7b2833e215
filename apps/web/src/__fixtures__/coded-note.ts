import type { DetectionResult } from '@icd/contracts';

/** A note shaped like the detector's real output: crossing evidence, a negated and a family mention. */
export const CODED_NOTE = 'PMH: T2DM with CKD stage 3.\nASSESSMENT AND PLAN:\nHTN. No heart failure. Mother had colon cancer.';

const affirmed = { negated: false, uncertain: false, hypothetical: false, historical: false, family: false };

function span(needle: string, section: string | null) {
  const begin = CODED_NOTE.indexOf(needle);
  if (begin < 0) throw new Error(`fixture needle not found: ${needle}`);
  return { begin, end: begin + needle.length, text: needle, section };
}

export function codedNoteResult(): DetectionResult {
  const proposal = (code: string, title: string, score: number, needle: string, section: string) => ({
    code, title, billable: true, score, evidence: [span(needle, section)], rationale: `Index: ${title}`,
    alternatives: [{ code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', score: 0.1 }],
  });
  return {
    schemaVersion: 1,
    terminology: { system: 'ICD-10-CM', version: 'FY2026' },
    documentLength: CODED_NOTE.length,
    codes: [
      proposal('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 0.43, 'T2DM with CKD', 'past_medical_history'),
      proposal('I10', 'Essential (primary) hypertension', 0.98, 'HTN', 'assessment_and_plan'),
      proposal('N18.30', 'Chronic kidney disease, stage 3 unspecified', 0.44, 'CKD stage 3', 'past_medical_history'),
    ],
    mentions: [
      { ...span('heart failure', 'assessment_and_plan'), assertion: { ...affirmed, negated: true }, candidates: [], coded: false, reason: 'negated' },
      { ...span('colon cancer', 'assessment_and_plan'), assertion: { ...affirmed, family: true, historical: true }, candidates: [], coded: false, reason: 'family' },
      { ...span('HTN', 'assessment_and_plan'), assertion: affirmed, candidates: [], coded: true, reason: 'affirmed' },
    ],
  };
}

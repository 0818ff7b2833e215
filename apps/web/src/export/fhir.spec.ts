import { describe, expect, it } from 'vitest';
import { codedNoteResult } from '../__fixtures__/coded-note.js';
import { ICD10CM_SYSTEM, randomUuid, toFhirBundle } from './fhir.js';
import { buildReviewExport } from './review-export.js';

const decisions = [
  { code: 'I10', status: 'accepted' as const },
  { code: 'E11.22', status: 'rejected' as const },
  { code: 'N18.30', status: 'replaced' as const, replacement: { code: 'N18.31', title: 'Chronic kidney disease, stage 3a' } },
];

function review(externalId?: string) {
  return buildReviewExport({
    jobId: 'job-1', externalId, result: codedNoteResult(), decisions, reviewedAt: '2025-11-27T09:00:00.000Z', now: new Date('2025-11-27T10:00:00.000Z'),
  });
}

describe('buildReviewExport', () => {
  it('keeps accepted and replacement codes best first, and lists rejected and pending ones', () => {
    const exported = review('enc-7');
    expect(exported.codes.map((code) => [code.code, code.decision, code.proposedCode])).toEqual([
      ['I10', 'accepted', 'I10'],
      ['N18.31', 'replaced', 'N18.30'],
    ]);
    expect(exported.codes[0]).toMatchObject({ billable: true, evidence: [{ text: 'HTN' }] });
    expect(exported.codes[1].billable).toBeUndefined();
    expect(exported.rejected).toEqual([{ code: 'E11.22', title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' }]);
    expect(exported.pending).toEqual([]);
    expect(exported).toMatchObject({ jobId: 'job-1', externalId: 'enc-7', terminology: { system: 'ICD-10-CM' }, exportedAt: '2025-11-27T10:00:00.000Z' });
  });
});

describe('toFhirBundle', () => {
  let counter = 0;
  const sequentialUuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

  it('is a collection Bundle with one ICD-10-CM Condition per kept code', () => {
    const bundle = toFhirBundle(review('enc-7'), sequentialUuid);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2025-11-27T10:00:00.000Z' });
    expect(bundle.entry).toHaveLength(2);
    const [hypertension, ckd] = bundle.entry.map((entry) => entry.resource);
    expect(hypertension).toEqual({
      resourceType: 'Condition',
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed', display: 'Confirmed' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
      code: { coding: [{ system: ICD10CM_SYSTEM, code: 'I10', display: 'Essential (primary) hypertension' }], text: 'Essential (primary) hypertension' },
      subject: { display: 'Patient of document enc-7' },
      recordedDate: '2025-11-27T09:00:00.000Z',
      note: [{ text: 'Evidence: "HTN"' }],
    });
    expect(ckd.code.coding[0]).toEqual({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N18.31', display: 'Chronic kidney disease, stage 3a' });
    expect(ckd.note?.[0].text).toContain('replaced N18.30');
    const urls = [bundle.identifier.value, ...bundle.entry.map((entry) => entry.fullUrl)];
    expect(new Set(urls).size).toBe(3);
    urls.forEach((url) => expect(url).toMatch(/^urn:uuid:[0-9a-f-]{36}$/));
  });

  it('names the job when the document has no externalId, and has no entries when nothing was kept', () => {
    const bundle = toFhirBundle(review(), sequentialUuid);
    expect(bundle.entry[0].resource.subject.display).toContain('job-1');
    const empty = toFhirBundle({ ...review(), codes: [] }, sequentialUuid);
    expect(empty.entry).toEqual([]);
  });
});

describe('randomUuid', () => {
  it('makes distinct version 4 UUIDs', () => {
    const ids = Array.from({ length: 50 }, randomUuid);
    expect(new Set(ids).size).toBe(50);
    ids.forEach((id) => expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/));
  });
});

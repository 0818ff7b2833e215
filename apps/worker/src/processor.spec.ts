import { DELETED_JOB_DATA, SEALED_FIELDS } from '@icd/contracts';
import { createDetector, type Detector } from '@icd/detector';
import { TEST_ENCRYPTION_KEY, TEST_NEXT_ENCRYPTION_KEY } from '@icd/phi/testing';
import { loadTerminology } from '@icd/terminology';
import { UnrecoverableError } from 'bullmq';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDetectProcessor, openJobData } from './processor.js';
import { sealedJobData, testSealer } from './testing/sealed-jobs.js';

const silent = pino({ level: 'silent' });
const NOTE = 'Assessment: essential hypertension. Asthma, well controlled. Denies chest pain.';
const sealer = testSealer();
const jobWith = (data: unknown, id = 'job-1') => ({ id, data, attemptsMade: 0 });

describe('openJobData', () => {
  it('opens a sealed payload that matches the contract', () => {
    const data = openJobData(jobWith(sealedJobData('job-1', NOTE, { includeMentions: true })), sealer);
    expect(data).toMatchObject({ text: NOTE, requestId: 'job-1', options: { includeMentions: true } });
  });

  it.each([
    ['no document', { requestId: 'r', submittedAt: '2025-11-27T09:30:00.000Z', fingerprint: 'x' }, 'document'],
    ['a bad date', { ...sealedJobData('job-1', NOTE), submittedAt: 'yesterday' }, 'submittedAt'],
    ['an unknown key', { ...sealedJobData('job-1', NOTE), priority: 1 }, 'priority'],
    ['the plain text of an older version', { text: NOTE, requestId: 'job-1', submittedAt: '2025-11-27T09:30:00.000Z' }, 'text'],
    ['no object at all', 'just a string', '(payload)'],
  ])('rejects %s as unrecoverable, naming the field', (_case, data, field) => {
    const attempt = () => openJobData(jobWith(data), sealer);
    expect(attempt).toThrow(UnrecoverableError);
    expect(attempt).toThrow(field);
  });

  it('fails a payload moved from another job at once, and retries one sealed with a key it lacks', () => {
    const moved = () => openJobData(jobWith(sealedJobData('job-2', NOTE)), sealer);
    expect(moved).toThrow(UnrecoverableError);
    expect(moved).toThrow(/cannot decrypt the job: .*failed authentication/);
    const otherKey = () => openJobData(jobWith(sealedJobData('job-1', NOTE, undefined, testSealer(TEST_NEXT_ENCRYPTION_KEY))), sealer);
    expect(otherKey).toThrow(/cannot decrypt the job: no key with id/);
    expect(otherKey).not.toThrow(UnrecoverableError);
    const rotated = testSealer(TEST_NEXT_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY);
    expect(openJobData(jobWith(sealedJobData('job-1', NOTE)), rotated).text).toBe(NOTE);
  });

  it('never puts the text in the reason', () => {
    const secret = 'PATIENT-NAME-SECRET';
    try {
      openJobData(jobWith({ text: secret, requestId: 42, submittedAt: secret, options: { minScore: secret } }), sealer);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});

describe('createDetectProcessor', () => {
  let detector: Detector;

  beforeAll(async () => {
    detector = createDetector(await loadTerminology());
  });

  it('seals exactly what the detector returns for the text and options, for this job only', async () => {
    const process = createDetectProcessor(detector, silent, sealer);
    const options = { includeMentions: true };
    const processed = await process(jobWith(sealedJobData('job-1', NOTE, options)));
    if (!('sealedResult' in processed)) throw new Error('expected a result');
    expect(processed.sealedResult).not.toContain('hypertension');
    const result = JSON.parse(sealer.open(processed.sealedResult, { record: 'job-1', field: SEALED_FIELDS.result }));
    expect(result).toEqual(detector.detect(NOTE, options));
    expect(result.codes.map((code: { code: string }) => code.code)).toContain('I10');
    expect(() => sealer.open(processed.sealedResult, { record: 'job-2', field: SEALED_FIELDS.result })).toThrow();
  });

  it('does not code a job deleted while it waited', async () => {
    const process = createDetectProcessor({ detect: () => expect.unreachable() }, silent, sealer);
    expect(await process(jobWith(DELETED_JOB_DATA))).toEqual({ deleted: true });
  });

  it('fails a job whose detection throws as unrecoverable, naming only the error class', async () => {
    const throwing = { detect: () => { throw new TypeError('bad state near "secret words"'); } };
    const attempt = createDetectProcessor(throwing, silent, sealer)(jobWith(sealedJobData('job-1', NOTE)));
    await expect(attempt).rejects.toThrow(UnrecoverableError);
    await expect(createDetectProcessor(throwing, silent, sealer)(jobWith(sealedJobData('job-1', NOTE)))).rejects.toThrow('detection failed (TypeError)');
  });
});

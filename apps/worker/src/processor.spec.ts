import { createDetector, type Detector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { UnrecoverableError } from 'bullmq';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDetectProcessor, parseDetectJobData } from './processor.js';

const silent = pino({ level: 'silent' });
const NOTE = 'Assessment: essential hypertension. Asthma, well controlled. Denies chest pain.';
const jobWith = (data: unknown) => ({ id: 'job-1', data, attemptsMade: 0 });
const validData = { text: NOTE, requestId: 'job-1', submittedAt: '2025-11-27T09:30:00.000Z' };

describe('parseDetectJobData', () => {
  it('accepts a payload that matches the contract', () => {
    expect(parseDetectJobData({ ...validData, options: { includeMentions: true } })).toEqual({ ...validData, options: { includeMentions: true } });
  });

  it.each([
    ['no text', { requestId: 'r', submittedAt: validData.submittedAt }, 'text'],
    ['a bad date', { ...validData, submittedAt: 'yesterday' }, 'submittedAt'],
    ['an unknown key', { ...validData, priority: 1 }, 'priority'],
    ['no object at all', 'just a string', '(payload)'],
  ])('rejects %s as unrecoverable, naming the field', (_case, data, field) => {
    const attempt = () => parseDetectJobData(data);
    expect(attempt).toThrow(UnrecoverableError);
    expect(attempt).toThrow(field);
  });

  it('never puts the text in the reason', () => {
    const secret = 'PATIENT-NAME-SECRET';
    try {
      parseDetectJobData({ text: secret, requestId: 42, submittedAt: validData.submittedAt, options: { minScore: secret } });
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

  it('returns exactly what the detector returns for the text and options', async () => {
    const process = createDetectProcessor(detector, silent);
    const options = { includeMentions: true };
    const result = await process(jobWith({ ...validData, options }));
    expect(result).toEqual(detector.detect(NOTE, options));
    expect(result.codes.map((code) => code.code)).toContain('I10');
  });

  it('fails a job whose detection throws as unrecoverable, naming only the error class', async () => {
    const throwing = { detect: () => { throw new TypeError('bad state near "secret words"'); } };
    const attempt = createDetectProcessor(throwing, silent)(jobWith(validData));
    await expect(attempt).rejects.toThrow(UnrecoverableError);
    await expect(createDetectProcessor(throwing, silent)(jobWith(validData))).rejects.toThrow('detection failed (TypeError)');
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCodesTsv, writePredictionsTsv } from './predictions-tsv.js';

describe('formatCodesTsv', () => {
  it('writes lowercase dotted codes in rank order, documents in id order, duplicates once', () => {
    const predictions = new Map([
      ['S2', ['R52', 'E119', 'r52']],
      ['S1', ['W19.XXXA']],
      ['S3', []],
    ]);
    expect(formatCodesTsv(predictions)).toBe('S1\tw19.xxxa\nS2\tr52\nS2\te11.9\n');
  });

  it('folds before deduplicating when asked', () => {
    expect(formatCodesTsv(new Map([['S1', ['S72.001A', 'S72.001D', 'I10']]]), { granularity: 'ignore7th' })).toBe(
      'S1\ts72.001\nS1\ti10\n',
    );
  });

  it('accepts gold sets as well as ranked lists', () => {
    expect(formatCodesTsv(new Map([['S1', new Set(['I10'])]]))).toBe('S1\ti10\n');
  });

  it('refuses ids and codes that would break the format', () => {
    expect(() => formatCodesTsv(new Map([['S\t1', ['I10']]]))).toThrow(/tab or line break/);
    expect(() => formatCodesTsv(new Map([['S1', ['I1 0']]]))).toThrow(/white space/);
  });
});

describe('writePredictionsTsv', () => {
  it('writes the file', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'predictions-'));
    try {
      const file = path.join(folder, 'predictions.tsv');
      await writePredictionsTsv(file, new Map([['S1', ['I10', 'E11.9']]]));
      expect(await readFile(file, 'utf8')).toBe('S1\ti10\nS1\te11.9\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { IsDescendant } from './matching.js';
import { evaluateRun } from './metrics.js';
import { buildErrorRecords, formatErrorRecordsJsonl, formatEvaluationTable, type DocumentErrorRecord } from './report.js';

const isPrefixDescendant: IsDescendant = (predicted, gold) => predicted !== gold && predicted.startsWith(gold);

describe('formatEvaluationTable', () => {
  const gold = new Map([['d1', new Set(['R51', 'I10'])], ['d2', new Set(['E11.9'])]]);
  const run = {
    codes: new Map([['d1', ['R51.9', 'I10']]]),
    mentions: new Map([['d1', ['R51.9', 'I10', 'E78.5']], ['d2', ['E11.9']]]),
  };
  const table = formatEvaluationTable(evaluateRun(gold, run, isPrefixDescendant));
  const lines = table.trimEnd().split('\n');

  it('has a title, a header and one row per view, regime and granularity', () => {
    expect(lines).toHaveLength(2 + 2 * 2 * 3);
    expect(lines[0]).toContain('2 gold documents');
    expect(lines[1].split(/\s+/)).toEqual(['view', 'regime', 'granularity', 'MAP', 'P', 'R', 'F1', 'TP', 'pred', 'gold']);
  });

  it('shows the figures to four decimals', () => {
    // codes, exact, full: d1 I10 at rank 2 -> AP 1/4; d2 none -> MAP 1/8; P 1/2, R 1/3, F1 2/5.
    expect(lines[2]).toMatch(/^codes\s+exact\s+full code\s+0\.1250\s+0\.5000\s+0\.3333\s+0\.4000\s+1\s+2\s+3$/);
    // codes, bridged, full: R51.9 -> R51 too: AP(d1) = 1 -> MAP 1/2; P 1, R 2/3, F1 0.8.
    expect(lines[5]).toMatch(/^codes\s+bridged\s+full code\s+0\.5000\s+1\.0000\s+0\.6667\s+0\.8000\s+2\s+2\s+3$/);
    expect(lines[8]).toMatch(/^mentions\s+exact\s+full code\s/);
  });

  it('aligns the columns', () => {
    // Numbers are right-aligned under their header.
    const mapEnd = lines[1].indexOf('MAP') + 'MAP'.length;
    const goldEnd = lines[1].length;
    for (const line of lines.slice(2)) {
      expect(line.slice(mapEnd - 7, mapEnd)).toMatch(/^ \d\.\d{4}$/);
      expect(line).toHaveLength(goldEnd);
    }
  });
});

describe('error records', () => {
  const gold = new Map([['d1', new Set(['R51', 'I10', 'E11.9'])], ['d2', new Set(['J45.909'])]]);
  const predictions = new Map([['d1', ['R51.9', 'I10', 'Z99.89', 'i10']], ['d3', ['K21.9']]]);

  it('lists hits, misses and false alarms per document, exact by default', () => {
    expect(buildErrorRecords(gold, predictions)).toEqual<DocumentErrorRecord[]>([
      {
        id: 'd1',
        gold: ['E11.9', 'I10', 'R51'],
        predicted: ['R51.9', 'I10', 'Z99.89'],
        truePositives: ['I10'],
        falsePositives: ['R51.9', 'Z99.89'],
        falseNegatives: ['E11.9', 'R51'],
      },
      { id: 'd2', gold: ['J45.909'], predicted: [], truePositives: [], falsePositives: [], falseNegatives: ['J45.909'] },
      { id: 'd3', gold: [], predicted: ['K21.9'], truePositives: [], falsePositives: ['K21.9'], falseNegatives: [] },
    ]);
  });

  it('follows the bridged regime when given isDescendant', () => {
    const [first] = buildErrorRecords(gold, predictions, { isDescendant: isPrefixDescendant });
    expect(first.truePositives).toEqual(['R51.9', 'I10']);
    expect(first.falseNegatives).toEqual(['E11.9']);
  });

  it('writes one JSON object per line with only the record fields, never text', () => {
    const record = { ...buildErrorRecords(gold, predictions)[1], text: 'Patient with asthma.' };
    const jsonl = formatErrorRecordsJsonl([record]);
    expect(jsonl.endsWith('\n')).toBe(true);
    expect(jsonl).not.toContain('asthma');
    expect(Object.keys(JSON.parse(jsonl) as object)).toEqual(['id', 'gold', 'predicted', 'truePositives', 'falsePositives', 'falseNegatives']);
    expect(formatErrorRecordsJsonl(buildErrorRecords(gold, predictions)).trimEnd().split('\n')).toHaveLength(3);
  });
});

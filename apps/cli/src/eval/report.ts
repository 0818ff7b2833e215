/**
 * Human- and machine-readable evaluation output. Nothing here accepts document text, and records
 * are serialised field by field, so no clinical text can leak into a report (PHI habit).
 */
import { GRANULARITIES, type Granularity } from './codes.js';
import { matchDocuments, type DocumentMatch, type GoldStandard, type MatchOptions, type RankedPredictions } from './matching.js';
import type { RunEvaluation, Scores } from './metrics.js';

/** What went right and wrong for one document, codes only. */
export interface DocumentErrorRecord {
  id: string;
  /** Gold codes, sorted. */
  gold: string[];
  /** Distinct predicted codes, most confident first. */
  predicted: string[];
  /** Predictions that matched a gold code, in rank order. */
  truePositives: string[];
  /** Predictions that matched nothing, in rank order. */
  falsePositives: string[];
  /** Gold codes no prediction matched, sorted. */
  falseNegatives: string[];
}

const VIEWS = ['codes', 'mentions'] as const;
const REGIMES = ['exact', 'bridged'] as const;
const GRANULARITY_LABELS: Record<Granularity, string> = {
  full: 'full code',
  ignore7th: 'no 7th char',
  category: 'category',
};
const HEADER = ['view', 'regime', 'granularity', 'MAP', 'P', 'R', 'F1', 'TP', 'pred', 'gold'];
/** Columns from this index on are numbers, right-aligned. */
const FIRST_NUMERIC_COLUMN = 3;
const DECIMALS = 4;

/**
 * A fixed-width table of MAP, P, R and F1 (with TP, predicted and gold pair counts) for both
 * views, both regimes and the three granularities, one row each.
 */
export function formatEvaluationTable(evaluation: RunEvaluation): string {
  const rows: string[][] = [HEADER];
  for (const view of VIEWS) {
    for (const regime of REGIMES) {
      for (const granularity of GRANULARITIES) {
        rows.push([view, regime, GRANULARITY_LABELS[granularity], ...scoreCells(evaluation[view][regime][granularity])]);
      }
    }
  }
  const widths = HEADER.map((_title, column) => Math.max(...rows.map((row) => row[column].length)));
  const render = (row: string[]): string =>
    row
      .map((cell, column) => (column < FIRST_NUMERIC_COLUMN ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  const documents = evaluation.codes.exact.full.mapDocuments;
  const title = `CodiEsp diagnosis codes: ${documents} gold documents, MAP over all of them`;
  return [title, ...rows.map(render)].join('\n') + '\n';
}

function scoreCells(scores: Scores): string[] {
  const ratios = [scores.map, scores.precision, scores.recall, scores.f1].map((value) => value.toFixed(DECIMALS));
  return [...ratios, String(scores.truePositives), String(scores.predictedPairs), String(scores.goldPairs)];
}

/** The error record of one matched document. */
export function errorRecordFromMatch(match: DocumentMatch): DocumentErrorRecord {
  const truePositives: string[] = [];
  const falsePositives: string[] = [];
  match.predicted.forEach((code, rank) => (match.matchedGold[rank] === null ? falsePositives : truePositives).push(code));
  const matchedGold = new Set(match.matchedGold);
  return {
    id: match.id,
    gold: [...match.gold],
    predicted: [...match.predicted],
    truePositives,
    falsePositives,
    falseNegatives: match.gold.filter((code) => !matchedGold.has(code)),
  };
}

/**
 * One error record per document with gold codes or predictions, in id order, matched as the
 * metrics match them (exact and full-code unless `options` say otherwise).
 */
export function buildErrorRecords(
  gold: GoldStandard,
  predictions: RankedPredictions,
  options: MatchOptions = {},
): DocumentErrorRecord[] {
  return matchDocuments(gold, predictions, options).map(errorRecordFromMatch);
}

/** The records as JSON Lines; only the record's own fields are written, whatever else it carries. */
export function formatErrorRecordsJsonl(records: Iterable<DocumentErrorRecord>): string {
  let jsonl = '';
  for (const record of records) {
    const { id, gold, predicted, truePositives, falsePositives, falseNegatives } = record;
    jsonl += `${JSON.stringify({ id, gold, predicted, truePositives, falsePositives, falseNegatives })}\n`;
  }
  return jsonl;
}

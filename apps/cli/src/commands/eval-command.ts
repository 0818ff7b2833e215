import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { DetectionOptions, EncounterSetting } from '@icd/contracts';
import { createDetector, rankAllMentionCodes, type Detector } from '@icd/detector';
import type { Terminology } from '@icd/terminology';
import { readCodiEspSplit, defaultCodiEspRoot, type CodiEspDocument } from '../eval/codiesp-corpus.js';
import { evaluateRun, type DetectionRunPredictions } from '../eval/metrics.js';
import { buildErrorRecords, formatErrorRecordsJsonl, formatEvaluationTable } from '../eval/report.js';
import { formatCodesTsv } from '../eval/predictions-tsv.js';
import { createProgressReporter } from './progress.js';
import { loadFromOptions } from './load.js';
import { settingOption } from './parse-options.js';

interface EvalOptions {
  split: string;
  codiesp?: string;
  out: string;
  setting: EncounterSetting;
}

/** Runs the detector over every document of a split, the two views ranked best first. */
export function runDetection(detector: Detector, documents: readonly CodiEspDocument[], label: string, options: DetectionOptions = {}): DetectionRunPredictions {
  const codes = new Map<string, string[]>();
  const mentions = new Map<string, string[]>();
  const progress = createProgressReporter(label, documents.length);
  for (const document of documents) {
    const { result, doc } = detector.detectWithDoc(document.text, options);
    codes.set(document.id, result.codes.map((proposal) => proposal.code));
    mentions.set(document.id, rankAllMentionCodes(doc));
    progress.tick();
  }
  progress.done();
  return { codes, mentions };
}

/** A FY2026 code lies beneath a gold code of the 2018 edition that has since become a header. */
export function descendantOfGold(terminology: Terminology) {
  return (predicted: string, gold: string): boolean => {
    const goldCompact = gold.replace('.', '');
    const predictedCompact = predicted.replace('.', '');
    return predictedCompact.length > goldCompact.length && predictedCompact.startsWith(goldCompact) && terminology.has(gold) && !terminology.isBillable(gold);
  };
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure the detector on a CodiEsp split: MAP and micro P/R/F1, exact and version-bridged')
    .option('--split <split>', 'train or dev (the figures we quote are dev)', 'dev')
    .option('--codiesp <dir>', 'CodiEsp folder (default: CODIESP_DIR or ../shared/codiesp)')
    .option('--out <dir>', 'where to write predictions and the per-document error file', 'tmp/eval')
    // CodiEsp's cases are hospital case reports, coded as inpatient records.
    .addOption(settingOption('inpatient'))
    .action(async (options: EvalOptions, command: Command) => {
      const terminology = await loadFromOptions(command);
      const split = await readCodiEspSplit(options.split, options.codiesp ?? defaultCodiEspRoot());
      if (!split.gold) throw new Error(`split "${options.split}" has no gold codes to measure against`);
      const detector = createDetector(terminology);
      const started = performance.now();
      const run = runDetection(detector, split.documents, `eval ${options.split}`, { setting: options.setting });
      const seconds = (performance.now() - started) / 1000;
      const evaluation = evaluateRun(split.gold, run, descendantOfGold(terminology));
      process.stdout.write(`CodiEsp ${options.split}: ${split.documents.length} documents in ${seconds.toFixed(1)} s (${terminology.version.version}, ${options.setting} setting)\n`);
      process.stdout.write(`${formatEvaluationTable(evaluation)}\n`);
      writeOutputs(options.out, options.split, split.gold, run);
    });
}

function writeOutputs(out: string, split: string, gold: ReadonlyMap<string, ReadonlySet<string>>, run: DetectionRunPredictions): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `${split}-codes.tsv`), formatCodesTsv(run.codes));
  writeFileSync(path.join(out, `${split}-mentions.tsv`), formatCodesTsv(run.mentions));
  writeFileSync(path.join(out, `${split}-errors.jsonl`), formatErrorRecordsJsonl(buildErrorRecords(gold, run.codes)));
  process.stderr.write(`eval: predictions and per-document errors written to ${out}/\n`);
}

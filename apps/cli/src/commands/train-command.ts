import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { trainDetector, type TrainingDocument } from '@icd/detector';
import { findWorkspaceRoot } from '@icd/terminology';
import { defaultCodiEspRoot, readCodiEspSplit } from '../eval/codiesp-corpus.js';
import { loadFromOptions } from './load.js';

interface TrainOptions {
  split: string;
  codiesp?: string;
  out?: string;
}

/**
 * Learns from coded cases: phrasings of codes (the lexicon), how often each dictionary entry
 * leads to a code coders give (calibration), and the score cut with the best F1. Never run it on
 * the split you measure on.
 */
export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('mine the phrase lexicon and fit match calibration on a coded CodiEsp split (train)')
    .option('--split <split>', 'the split to learn from', 'train')
    .option('--codiesp <dir>', 'CodiEsp folder (default: CODIESP_DIR or ../shared/codiesp)')
    .option('--out <dir>', 'where the data files go (default: libs/detector/src/data)')
    .action(async (options: TrainOptions, command: Command) => {
      if (options.split === 'dev') throw new Error('refusing to train on dev: it is the split the figures are measured on');
      const terminology = await loadFromOptions(command);
      const split = await readCodiEspSplit(options.split, options.codiesp ?? defaultCodiEspRoot());
      if (!split.gold) throw new Error(`split "${options.split}" has no gold codes to learn from`);
      const gold = split.gold;
      const documents: TrainingDocument[] = split.documents.map((document) => ({ ...document, codes: gold.get(document.id) ?? new Set() }));
      const out = options.out ?? path.join(findWorkspaceRoot(), 'libs', 'detector', 'src', 'data');

      const { lexicon: lexiconFile, calibration } = trainDetector(terminology, documents, (step) => process.stderr.write(`train: ${step}\n`));
      writeFileSync(path.join(out, 'lexicon.codiesp-train.json'), `${JSON.stringify(lexiconFile)}\n`);
      writeFileSync(path.join(out, 'calibration.codiesp-train.json'), `${JSON.stringify(calibration)}\n`);
      process.stdout.write(
        `${JSON.stringify({ lexiconEntries: lexiconFile.entries.length, calibratedEntries: Object.keys(calibration.entries).length, threshold: calibration.threshold, out }, null, 2)}\n`,
      );
    });
}

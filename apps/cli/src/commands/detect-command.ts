import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { EncounterSetting } from '@icd/contracts';
import { createDetector } from '@icd/detector';
import { createProgressReporter } from './progress.js';
import { loadFromOptions } from './load.js';
import { settingOption } from './parse-options.js';

interface DetectOptions {
  jsonl?: boolean;
  allMentions?: boolean;
  minScore?: number;
  setting: EncounterSetting;
}


/** A document to code: its id (file name without extension, or `stdin`) and where to read it. */
interface DocumentSource {
  id: string;
  read(): string;
}

/** Files and folders as given; a folder contributes its `.txt` files, sorted; `-` is standard input. */
export function collectSources(inputs: readonly string[]): DocumentSource[] {
  const sources: DocumentSource[] = [];
  for (const input of inputs) {
    if (input === '-') {
      sources.push({ id: 'stdin', read: () => readFileSync(0, 'utf8') });
      continue;
    }
    const stats = statSync(input, { throwIfNoEntry: false });
    if (!stats) throw new Error(`no such file or folder: ${input}`);
    const files = stats.isDirectory()
      ? readdirSync(input)
          .filter((name) => name.endsWith('.txt'))
          .sort()
          .map((name) => path.join(input, name))
      : [input];
    for (const file of files) sources.push({ id: path.basename(file).replace(/\.[^.]+$/, ''), read: () => readFileSync(file, 'utf8') });
  }
  return sources;
}

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isFinite(score) || score < 0 || score > 1) throw new Error('--min-score takes a number from 0 to 1');
  return score;
}

export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('code clinical documents in-process (no Redis): one JSON result per document')
    .argument('<inputs...>', 'files, folders of .txt files, or - for standard input')
    .option('--jsonl', 'one compact JSON line per document (default when there are several documents)')
    .option('--all-mentions', 'include every mention found, coded or not')
    .option('--min-score <score>', 'drop codes scored below this (default: the trained threshold)', parseScore)
    .addOption(settingOption('outpatient'))
    .action(async (inputs: string[], options: DetectOptions, command: Command) => {
      const sources = collectSources(inputs);
      const terminology = await loadFromOptions(command);
      const detector = createDetector(terminology);
      const compact = options.jsonl || sources.length > 1;
      const progress = createProgressReporter('detect', sources.length);
      for (const source of sources) {
        const result = detector.detect(source.read(), { includeMentions: options.allMentions, minScore: options.minScore, setting: options.setting });
        const line = { id: source.id, ...result };
        process.stdout.write(compact ? `${JSON.stringify(line)}\n` : `${JSON.stringify(line, null, 2)}\n`);
        progress.tick();
      }
      progress.done();
    });
}

import type { Command } from 'commander';
import { loadTerminology, type Terminology } from '@icd/terminology';

export interface GlobalOptions {
  dataDir?: string;
  cacheDir?: string;
}

/** Loads the terminology named by the global options, reporting a first-time build on stderr. */
export async function loadFromOptions(command: Command, rebuild = false): Promise<Terminology> {
  const options = command.optsWithGlobals<GlobalOptions>();
  return loadTerminology({
    dataDir: options.dataDir,
    cacheDir: options.cacheDir,
    rebuild,
    onProgress: (event) => {
      if (event.phase !== 'load' && event.phase !== 'hash') process.stderr.write(`terminology: ${event.message}\n`);
    },
  });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

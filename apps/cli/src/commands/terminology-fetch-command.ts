import path from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_FETCH_TIMEOUT_MS,
  defaultDataDir,
  fetchRelease,
  readReleaseManifest,
  resolveManifestPath,
  type FetchReleaseResult,
} from '@icd/terminology';
import { createFetchProgressPrinter } from './fetch-progress.js';
import { printJson, type GlobalOptions } from './load.js';
import { parsePositiveInteger } from './parse-options.js';

interface FetchCommandOptions {
  dir?: string;
  manifest?: string;
  allowUnpinned?: boolean;
  timeout: number;
}

/** Adds `fetch` under the `terminology` command: download, verify and install the CDC release. */
export function registerTerminologyFetchCommand(terminologyCommand: Command): void {
  terminologyCommand
    .command('fetch')
    .description('download the CDC ICD-10-CM release named in the manifest, check its SHA-256, and install the files the loader reads')
    .option('--dir <dir>', 'folder to install into (default: the global --data-dir, else data/icd10cm in the checkout)')
    .option('--manifest <file>', 'release manifest (default: ICD10CM_RELEASE_MANIFEST, else libs/terminology/sources.json)')
    .option('--allow-unpinned', 'accept zips the manifest pins no SHA-256 for, printing their hashes so they can be pinned')
    .option('--timeout <ms>', 'abandon a download after this many milliseconds without data', parsePositiveInteger, DEFAULT_FETCH_TIMEOUT_MS)
    .action(async (options: FetchCommandOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const dir = path.resolve(options.dir ?? globals.dataDir ?? defaultDataDir());
      const manifestPath = resolveManifestPath(options.manifest);
      const manifest = await readReleaseManifest(manifestPath);
      process.stderr.write(`terminology: fetching ${manifest.release} (${manifest.files.length} file(s)) into ${dir}\n`);
      const result = await withInterruptSignal((signal) =>
        fetchRelease(manifest, dir, {
          allowUnpinned: options.allowUnpinned,
          timeoutMs: options.timeout,
          signal,
          onProgress: createFetchProgressPrinter(process.stderr),
        }),
      );
      warnWhenNotTheLoadedFolder(dir);
      printJson(summarise(result, manifestPath));
    });
}

/**
 * Runs `task` with a signal that Ctrl-C fires, so that an interrupted fetch still removes its work
 * folder; a second Ctrl-C exits at once as usual.
 */
async function withInterruptSignal<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  try {
    return await task(controller.signal);
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}

/** The loader reads ICD10CM_DATA_DIR first: files fetched elsewhere would go unused, which deserves a word. */
function warnWhenNotTheLoadedFolder(dir: string): void {
  const configured = process.env.ICD10CM_DATA_DIR;
  if (configured && path.resolve(configured) !== dir) {
    process.stderr.write(`terminology: note: ICD10CM_DATA_DIR is ${configured}, so the loader will not read ${dir}\n`);
  }
}

/** The stdout summary: what was downloaded and written, with hashes, and the hashes still to pin. */
export function summarise(result: FetchReleaseResult, manifestPath: string) {
  return {
    release: result.release,
    dir: result.dir,
    manifest: manifestPath,
    downloads: result.downloads,
    written: result.installed.map((file) => ({
      kind: file.kind,
      file: file.path,
      bytes: file.bytes,
      sha256: file.sha256,
      from: `${file.zip}: ${file.entry}`,
    })),
    missingKinds: result.missingKinds,
    toPin: result.downloads.filter((download) => !download.pinned).map(({ name, sha256 }) => ({ name, sha256 })),
  };
}

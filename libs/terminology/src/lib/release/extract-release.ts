import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { SourceKind } from '../model-types.js';
import { sourceKindOf } from '../source-files.js';
import { ReleaseFetchError, type FetchProgressListener } from './fetch-events.js';

/** A CDC file taken out of a release zip into the staging folder, not yet in the data folder. */
export interface StagedFile {
  kind: SourceKind;
  /** The zip it came from, by manifest name. */
  zip: string;
  /** Its path inside the zip. */
  entry: string;
  /** Its path in the staging folder: the entry's base name, since the loader needs no subfolders. */
  stagedPath: string;
  bytes: number;
  sha256: string;
}

/**
 * Copies the entries of a zip that the loader recognises into `stagingDir`, flattened to their
 * base names. Other entries (PDFs, XSDs, code lists) and entries whose path is absolute or
 * climbs out with `..` are left out and reported as `skip` events.
 */
export async function stageRecognisedEntries(
  zipPath: string,
  zipName: string,
  stagingDir: string,
  onProgress: FetchProgressListener,
): Promise<StagedFile[]> {
  const archive = new Uint8Array(await readFile(zipPath));
  const staged: StagedFile[] = [];
  for (const entry of listEntries(archive, zipName)) {
    if (entry.endsWith('/')) continue;
    if (isUnsafeEntryName(entry)) {
      onProgress({ phase: 'skip', file: zipName, entry, reason: 'unsafe-path' });
      continue;
    }
    const kind = sourceKindOf(path.posix.basename(entry.replaceAll('\\', '/')));
    if (!kind) {
      onProgress({ phase: 'skip', file: zipName, entry, reason: 'not-recognised' });
      continue;
    }
    onProgress({ phase: 'extract', file: zipName, entry, kind });
    staged.push(await stageEntry(archive, { zip: zipName, entry, kind }, stagingDir));
  }
  return staged;
}

/** Absolute paths, drive letters and `..` segments: names that could write outside the folder if used as paths. */
export function isUnsafeEntryName(name: string): boolean {
  if (/^([/\\]|[a-zA-Z]:)/.test(name)) return true;
  return name.split(/[/\\]/).includes('..');
}

/** The entry names of a zip, read from its central directory without inflating anything. */
function listEntries(archive: Uint8Array, zipName: string): string[] {
  const names: string[] = [];
  unzipOrExplain(archive, zipName, (info) => {
    names.push(info.name);
    return false;
  });
  return names;
}

async function stageEntry(
  archive: Uint8Array,
  source: { zip: string; entry: string; kind: SourceKind },
  stagingDir: string,
): Promise<StagedFile> {
  // One entry at a time, so that only one inflated XML file is held in memory.
  const content = unzipOrExplain(archive, source.zip, (info) => info.name === source.entry)[source.entry];
  const stagedPath = path.join(stagingDir, path.posix.basename(source.entry.replaceAll('\\', '/')));
  try {
    await writeFile(stagedPath, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new ReleaseFetchError(
      'duplicate-entry',
      `${source.zip}: ${source.entry} has the same name as another file of the release; sources.json lists overlapping zips?`,
    );
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { ...source, stagedPath, bytes: content.byteLength, sha256 };
}

function unzipOrExplain(archive: Uint8Array, zipName: string, filter: (info: { name: string }) => boolean) {
  try {
    return unzipSync(archive, { filter });
  } catch (error) {
    throw new ReleaseFetchError('bad-zip', `${zipName} is not a readable zip: ${(error as Error).message}`, { cause: error });
  }
}

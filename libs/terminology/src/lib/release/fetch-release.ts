import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SourceKind } from '../model-types.js';
import { findSourceFiles } from '../source-files.js';
import { downloadFile } from './download-file.js';
import { stageRecognisedEntries, type StagedFile } from './extract-release.js';
import { ReleaseFetchError, type FetchProgressListener } from './fetch-events.js';
import type { ReleaseFile, ReleaseManifest } from './release-manifest.js';

/** How long a download may go without receiving anything before it is abandoned. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** Options of {@link fetchRelease}. */
export interface FetchReleaseOptions {
  /** Accept zips whose manifest hash is `null`, reporting the computed hash instead of failing. */
  allowUnpinned?: boolean;
  /** Abandon a download after this many milliseconds without a response or data; default {@link DEFAULT_FETCH_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Stops the downloads; the run fails with `aborted` and cleans up. */
  signal?: AbortSignal;
  onProgress?: FetchProgressListener;
}

/** A zip as downloaded. */
export interface DownloadedZip {
  name: string;
  url: string;
  bytes: number;
  sha256: string;
  /** False when the manifest pins no hash and the download was accepted through `allowUnpinned`. */
  pinned: boolean;
}

/** A CDC file now in the data folder. */
export interface InstalledFile {
  kind: SourceKind;
  path: string;
  zip: string;
  entry: string;
  bytes: number;
  sha256: string;
}

/** What {@link fetchRelease} did. */
export interface FetchReleaseResult {
  release: string;
  dir: string;
  downloads: DownloadedZip[];
  installed: InstalledFile[];
  /** Kinds a zip was declared to yield (`yields` in the manifest) but did not hold. */
  missingKinds: { zip: string; kind: SourceKind }[];
}

/** Where one run keeps its downloads and extracted files: beside the data folder, so that moving them in is a rename. */
const WORK_DIR_PREFIX = '.icd10cm-fetch-';

/**
 * Downloads the zips of a release, checks each against its pinned SHA-256, and puts the CDC
 * files the loader reads into `targetDir`. Nothing in `targetDir` changes until every zip has been
 * downloaded, verified and extracted; each file then arrives by rename, so an interrupted run never
 * leaves a partial file under a final name. The run's work folder is always removed.
 */
export async function fetchRelease(
  manifest: ReleaseManifest,
  targetDir: string,
  options: FetchReleaseOptions = {},
): Promise<FetchReleaseResult> {
  const dir = path.resolve(targetDir);
  await mkdir(path.dirname(dir), { recursive: true });
  const workDir = await mkdtemp(path.join(path.dirname(dir), WORK_DIR_PREFIX));
  const onProgress = options.onProgress ?? (() => undefined);
  try {
    const downloads = await downloadRelease(manifest.files, workDir, { ...options, onProgress });
    const staged = await stageRelease(manifest.files, workDir, onProgress);
    const missingKinds = findMissingKinds(manifest.files, staged, onProgress);
    requireOrderFile(staged, dir, manifest);
    const installed = await installStagedFiles(staged, dir, onProgress);
    if (!findSourceFiles(dir).order) {
      throw new ReleaseFetchError('no-order-file', `${dir} still has no ICD-10-CM order file after installing the release`);
    }
    return { release: manifest.release, dir, downloads, installed, missingKinds };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function zipPathFor(workDir: string, index: number): string {
  return path.join(workDir, `download-${index}.zip`);
}

async function downloadRelease(
  files: ReleaseFile[],
  workDir: string,
  options: FetchReleaseOptions & { onProgress: FetchProgressListener },
): Promise<DownloadedZip[]> {
  const downloads: DownloadedZip[] = [];
  for (const [index, file] of files.entries()) {
    const downloaded = await downloadFile({
      name: file.name,
      url: file.url,
      destination: zipPathFor(workDir, index),
      timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    if (file.sha256 !== null && downloaded.sha256 !== file.sha256) {
      throw new ReleaseFetchError(
        'hash-mismatch',
        `${file.name}: SHA-256 mismatch: expected ${file.sha256}, got ${downloaded.sha256}. ` +
          'The download is corrupt or the CDC replaced the file; nothing was installed.',
      );
    }
    options.onProgress({ phase: file.sha256 === null ? 'unpinned' : 'verified', file: file.name, sha256: downloaded.sha256 });
    downloads.push({ name: file.name, url: file.url, ...downloaded, pinned: file.sha256 !== null });
  }
  refuseUnpinned(downloads, options.allowUnpinned ?? false);
  return downloads;
}

/** Refuses after downloading, not before, so that the refusal can name the hashes a maintainer should check and pin. */
function refuseUnpinned(downloads: DownloadedZip[], allowUnpinned: boolean): void {
  const unpinned = downloads.filter((download) => !download.pinned);
  if (allowUnpinned || unpinned.length === 0) return;
  const hashes = unpinned.map((download) => `${download.name}: ${download.sha256}`).join('; ');
  throw new ReleaseFetchError(
    'unpinned',
    `the release manifest pins no SHA-256 for ${unpinned.length} file(s), so they cannot be verified (${hashes}). ` +
      'Check the files, pin these hashes in the manifest, or pass --allow-unpinned to accept them; nothing was installed.',
  );
}

async function stageRelease(files: ReleaseFile[], workDir: string, onProgress: FetchProgressListener): Promise<StagedFile[]> {
  const stagingDir = path.join(workDir, 'staging');
  await mkdir(stagingDir);
  const staged: StagedFile[] = [];
  for (const [index, file] of files.entries()) {
    staged.push(...(await stageRecognisedEntries(zipPathFor(workDir, index), file.name, stagingDir, onProgress)));
  }
  return staged;
}

function requireOrderFile(staged: StagedFile[], dir: string, manifest: ReleaseManifest): void {
  if (staged.some((file) => file.kind === 'order') || findSourceFiles(dir).order) return;
  throw new ReleaseFetchError(
    'no-order-file',
    `the ${manifest.release} release holds no ICD-10-CM order file (icd10cm-order-YYYY.txt) and ${dir} has none: ` +
      `check the zips listed in the manifest (${manifest.files.map((file) => file.name).join(', ')}); nothing was installed.`,
  );
}

async function installStagedFiles(staged: StagedFile[], dir: string, onProgress: FetchProgressListener): Promise<InstalledFile[]> {
  await mkdir(dir, { recursive: true });
  const installed: InstalledFile[] = [];
  for (const file of staged) {
    const finalPath = path.join(dir, path.basename(file.stagedPath));
    await moveIntoPlace(file.stagedPath, finalPath);
    onProgress({ phase: 'install', path: finalPath });
    installed.push({ kind: file.kind, path: finalPath, zip: file.zip, entry: file.entry, bytes: file.bytes, sha256: file.sha256 });
  }
  return installed;
}

/**
 * Renames `from` to `to`, replacing any older copy in one step. When the data folder is on another
 * file system (a mounted volume), copies to a temporary name beside `to` first, then renames.
 */
async function moveIntoPlace(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  const partial = path.join(path.dirname(to), `.${path.basename(to)}.partial-${process.pid}`);
  try {
    await copyFile(from, partial);
    await rename(partial, to);
  } finally {
    await rm(partial, { force: true });
  }
}

function findMissingKinds(files: ReleaseFile[], staged: StagedFile[], onProgress: FetchProgressListener) {
  const missing: { zip: string; kind: SourceKind }[] = [];
  for (const file of files) {
    for (const kind of file.yields) {
      if (staged.some((entry) => entry.zip === file.name && entry.kind === kind)) continue;
      onProgress({ phase: 'missing-kind', file: file.name, kind });
      missing.push({ zip: file.name, kind });
    }
  }
  return missing;
}

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceKind } from './model-types.js';

/**
 * CDC file names per kind. Older releases use underscores (`icd10cm_tabular_2021.xml`), newer ones
 * hyphens (`icd10cm-tabular-2026.xml`), and April updates add a month: all carry a 4-digit year.
 */
const SOURCE_PATTERNS: Record<SourceKind, RegExp> = {
  addenda: /^icd10cm[_-]order[_-]addenda[_-].*?(\d{4}).*\.txt$/i,
  order: /^icd10cm[_-]order[_-](?!addenda).*?(\d{4}).*\.txt$/i,
  tabular: /^icd10cm[_-]tabular[_-].*?(\d{4}).*\.xml$/i,
  index: /^icd10cm[_-]index[_-].*?(\d{4}).*\.xml$/i,
  eindex: /^icd10cm[_-]eindex[_-].*?(\d{4}).*\.xml$/i,
  neoplasm: /^icd10cm[_-]neoplasm[_-].*?(\d{4}).*\.xml$/i,
  drug: /^icd10cm[_-]drug[_-].*?(\d{4}).*\.xml$/i,
};

export interface FoundSource {
  kind: SourceKind;
  path: string;
  year: number;
}

/** How deep into the data folder to look: a CDC zip extracts into a folder or two. */
const MAX_DEPTH = 3;

/** The newest file of each kind under `dir`; a kind with no file is absent. */
export function findSourceFiles(dir: string): Partial<Record<SourceKind, FoundSource>> {
  const newest: Partial<Record<SourceKind, FoundSource>> = {};
  for (const file of listFiles(dir, MAX_DEPTH)) {
    const name = path.basename(file);
    for (const kind of Object.keys(SOURCE_PATTERNS) as SourceKind[]) {
      const match = SOURCE_PATTERNS[kind].exec(name);
      if (!match) continue;
      const year = Number(match[1]);
      const current = newest[kind];
      if (!current || year > current.year || (year === current.year && file > current.path)) newest[kind] = { kind, path: file, year };
    }
  }
  return newest;
}

function listFiles(dir: string, depth: number): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile()) files.push(full);
    else if (entry.isDirectory() && depth > 1) files.push(...listFiles(full, depth - 1));
  }
  return files.sort();
}

/** The kind of CDC file a file name denotes (`icd10cm-order-2026.txt` is `order`), or undefined for any other file. */
export function sourceKindOf(fileName: string): SourceKind | undefined {
  return (Object.keys(SOURCE_PATTERNS) as SourceKind[]).find((kind) => SOURCE_PATTERNS[kind].test(fileName));
}

export function hasOrderFile(dir: string): boolean {
  return findSourceFiles(dir).order !== undefined;
}

/** sha256 of a file, streamed so that large XML files are not held twice. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function fileSize(file: string): number {
  return statSync(file).size;
}

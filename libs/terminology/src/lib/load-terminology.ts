import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel } from './build-model.js';
import { resolveCacheDir, resolveDataDir } from './data-dir.js';
import { COMPILED_FORMAT, type CompiledTerminology, type SourceFileInfo, type SourceKind } from './model-types.js';
import { findSourceFiles, hashFile, type FoundSource } from './source-files.js';
import { parseOrderFile } from './sources/read-order-file.js';
import { readIndexXml } from './sources/read-index-xml.js';
import { readTableXml } from './sources/read-table-xml.js';
import { readTabularXml } from './sources/read-tabular-xml.js';
import { Terminology } from './terminology.js';

export interface LoadProgress {
  phase: 'locate' | 'hash' | 'read' | 'build' | 'write' | 'load';
  message: string;
}

export interface LoadOptions {
  /** Folder with the CDC files; see {@link resolveDataDir} for the default. */
  dataDir?: string;
  /** Folder for compiled artifacts; see {@link resolveCacheDir}. */
  cacheDir?: string;
  /** Build the artifact again even when one matches the sources. */
  rebuild?: boolean;
  onProgress?: (event: LoadProgress) => void;
}

export interface CompileOutcome {
  artifactPath: string;
  reportPath: string;
  dataDir: string;
  /** False when an existing artifact matched the sources. */
  built: boolean;
  model: CompiledTerminology;
}

export class TerminologyDataError extends Error {
  override name = 'TerminologyDataError';
}

/** Loads the model, compiling the CDC files first when no artifact matches them. */
export async function loadTerminology(options: LoadOptions = {}): Promise<Terminology> {
  const outcome = await compileTerminology(options);
  return new Terminology(outcome.model);
}

/** Finds the sources, and reads the artifact keyed by their hashes or builds and writes it. */
export async function compileTerminology(options: LoadOptions = {}): Promise<CompileOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  const { dir } = resolveDataDir(options.dataDir);
  const found = findSourceFiles(dir);
  if (!found.order) {
    throw new TerminologyDataError(
      `terminology: no ICD-10-CM order file (icd10cm_order_YYYY.txt or icd10cm-order-YYYY.txt) in ${dir}; ` +
        'set ICD10CM_DATA_DIR to the folder holding the CDC files, or run `npm run terminology:fetch`',
    );
  }
  progress({ phase: 'hash', message: `hashing ${Object.keys(found).length} source files in ${dir}` });
  const sources = await describeSources(found);
  const key = artifactKey(sources);
  const cacheDir = resolveCacheDir(options.cacheDir);
  const artifactPath = path.join(cacheDir, `terminology-${key}.json`);
  const reportPath = path.join(cacheDir, `bridge-unplaced-${key}.tsv`);
  if (!options.rebuild && existsSync(artifactPath)) {
    progress({ phase: 'load', message: `loading ${artifactPath}` });
    const model = JSON.parse(readFileSync(artifactPath, 'utf8')) as CompiledTerminology;
    return { artifactPath, reportPath, dataDir: dir, built: false, model };
  }
  const model = await buildFromSources(found, sources, progress);
  progress({ phase: 'write', message: `writing ${artifactPath}` });
  writeAtomically(artifactPath, JSON.stringify(model));
  writeAtomically(reportPath, unplacedReport(model));
  return { artifactPath, reportPath, dataDir: dir, built: true, model };
}

async function describeSources(found: Partial<Record<SourceKind, FoundSource>>): Promise<SourceFileInfo[]> {
  const entries = Object.values(found) as FoundSource[];
  return Promise.all(
    entries.map(async (source) => ({ kind: source.kind, file: path.basename(source.path), year: source.year, sha256: await hashFile(source.path) })),
  );
}

function artifactKey(sources: SourceFileInfo[]): string {
  const hash = createHash('sha256').update(`format ${COMPILED_FORMAT}\n`);
  for (const source of [...sources].sort((a, b) => a.kind.localeCompare(b.kind))) hash.update(`${source.kind} ${source.sha256}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function buildFromSources(
  found: Partial<Record<SourceKind, FoundSource>>,
  sources: SourceFileInfo[],
  progress: (event: LoadProgress) => void,
): Promise<CompiledTerminology> {
  const read = (kind: SourceKind) => {
    progress({ phase: 'read', message: `reading ${path.basename(found[kind]?.path ?? '')}` });
    return createReadStream(found[kind]?.path as string, { encoding: 'utf8' });
  };
  const order = found.order as FoundSource;
  progress({ phase: 'read', message: `reading ${path.basename(order.path)}` });
  const orderRows = parseOrderFile(readFileSync(order.path, 'latin1'));
  const tabular = found.tabular ? await readTabularXml(read('tabular')) : undefined;
  const indexes = [];
  if (found.index) indexes.push(await readIndexXml(read('index'), 'index'));
  if (found.eindex) indexes.push(await readIndexXml(read('eindex'), 'eindex'));
  const tables = [];
  if (found.neoplasm) tables.push(await readTableXml(read('neoplasm'), 'neoplasm'));
  if (found.drug) tables.push(await readTableXml(read('drug'), 'drug'));
  progress({ phase: 'build', message: `compiling ${orderRows.length} codes` });
  return buildModel({ codeSetYear: order.year, order: orderRows, tabular, indexes, tables, sources });
}

function unplacedReport(model: CompiledTerminology): string {
  const lines = ['code\tsource', ...model.unplaced.map((entry) => `${entry.code}\t${entry.source}`)];
  return `${lines.join('\n')}\n`;
}

/** Concurrent first uses (test workers, several processes) must never read a half-written file. */
function writeAtomically(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

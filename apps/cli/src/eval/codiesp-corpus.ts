/**
 * Reads a CodiEsp split: the English texts and, for `train` and `dev`, the gold diagnosis codes.
 * Layout: `<root>/<split>/text_files_en/<doc>.txt` and `<root>/<split>/<split>D.tsv`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeCode } from './codes.js';

/** The splits this harness may read; the test split is deliberately not among them. */
export const CODIESP_SPLITS = ['train', 'dev', 'background'] as const;

/** A CodiEsp split name: learn from `train`, measure on `dev`; `background` has no gold. */
export type CodiEspSplit = (typeof CODIESP_SPLITS)[number];

/** One clinical case. */
export interface CodiEspDocument {
  id: string;
  text: string;
}

/** A split as read from disk. */
export interface CodiEspSplitData {
  split: CodiEspSplit;
  /** Sorted by id. */
  documents: CodiEspDocument[];
  /** Normalised gold codes (`E11.9`) per document id; `null` for `background`, which has none. */
  gold: Map<string, Set<string>> | null;
}

const WORKSPACE_PACKAGE = 'icd10cm-assistant';
const TEXT_FOLDER = 'text_files_en';
/** Files read at once, well under common open-file limits (background has ~2,750). */
const READ_BATCH = 64;

/** `split` as a {@link CodiEspSplit}; throws a message naming the allowed splits otherwise. */
export function parseCodiEspSplit(split: string): CodiEspSplit {
  const known: readonly string[] = CODIESP_SPLITS;
  if (!known.includes(split)) {
    throw new Error(`unknown CodiEsp split "${split}": expected one of ${CODIESP_SPLITS.join(', ')}`);
  }
  return split as CodiEspSplit;
}

/** `CODIESP_DIR` when set, else `shared/codiesp` beside the workspace checkout. */
export function defaultCodiEspRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CODIESP_DIR) return path.resolve(env.CODIESP_DIR);
  return path.resolve(findWorkspaceRoot(), '..', 'shared', 'codiesp');
}

/**
 * The folder holding this project's package.json, searched upwards from this module (so the
 * default does not depend on the current directory), then from the current directory.
 */
function findWorkspaceRoot(): string {
  const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (isWorkspaceManifest(path.join(dir, 'package.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return process.cwd();
}

function isWorkspaceManifest(manifest: string): boolean {
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === WORKSPACE_PACKAGE;
  } catch {
    return false;
  }
}

/**
 * Parses a CodiEsp D gold file (`doc<TAB>code` per line, blank lines ignored) into normalised
 * codes per document. Throws on a line without exactly two fields, naming the line.
 */
export function parseGoldTsv(tsv: string): Map<string, Set<string>> {
  const gold = new Map<string, Set<string>>();
  tsv.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') return;
    const fields = line.split('\t');
    if (fields.length !== 2 || fields[0] === '' || fields[1].trim() === '') {
      throw new Error(`gold line ${index + 1}: expected "doc<TAB>code", got ${JSON.stringify(line)}`);
    }
    const [id, code] = fields;
    const codes = gold.get(id) ?? new Set<string>();
    codes.add(normalizeCode(code));
    gold.set(id, codes);
  });
  return gold;
}

/** Reads the gold codes of `train` or `dev`. */
export async function readCodiEspGold(split: string, root = defaultCodiEspRoot()): Promise<Map<string, Set<string>>> {
  const name = parseCodiEspSplit(split);
  if (name === 'background') throw new Error('CodiEsp split "background" has no gold codes');
  const file = path.join(root, name, `${name}D.tsv`);
  return parseGoldTsv(await readFile(file, 'utf8'));
}

/** Reads every `<doc>.txt` of a split, sorted by id. */
export async function readCodiEspDocuments(split: string, root = defaultCodiEspRoot()): Promise<CodiEspDocument[]> {
  const folder = path.join(root, parseCodiEspSplit(split), TEXT_FOLDER);
  const ids = (await readdir(folder))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .sort();
  const documents: CodiEspDocument[] = [];
  for (let start = 0; start < ids.length; start += READ_BATCH) {
    const batch = ids.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map((id) => readFile(path.join(folder, `${id}.txt`), 'utf8')));
    batch.forEach((id, index) => documents.push({ id, text: texts[index] }));
  }
  return documents;
}

/**
 * Reads a split's documents and gold (none for `background`). `root` defaults to
 * {@link defaultCodiEspRoot}. Throws for split names other than train, dev and background.
 */
export async function readCodiEspSplit(split: string, root = defaultCodiEspRoot()): Promise<CodiEspSplitData> {
  const name = parseCodiEspSplit(split);
  const documents = await readCodiEspDocuments(name, root);
  const gold = name === 'background' ? null : await readCodiEspGold(name, root);
  return { split: name, documents, gold };
}

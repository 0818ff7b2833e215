/**
 * Predictions in the `doc<TAB>code` format `reference_scorer.py` and the official CodiEsp script
 * read: one row per distinct code, lowercase with the dot, most confident first per document.
 */
import { writeFile } from 'node:fs/promises';
import { foldRankedCodes, type Granularity } from './codes.js';

/** Which codes end up in the file. */
export interface CodeTsvOptions {
  /** Fold codes before writing (e.g. to score `ignore7th` with the reference scorer); default `full`. */
  granularity?: Granularity;
}

/**
 * `doc<TAB>code` rows for ranked codes per document, documents in id order, codes in the given
 * order with duplicates (after folding) dropped keeping the first. Throws on a document id or
 * code that would break the format (tab or line break; white space inside a code).
 */
export function formatCodesTsv(
  codesByDocument: ReadonlyMap<string, Iterable<string>>,
  options: CodeTsvOptions = {},
): string {
  const rows: string[] = [];
  for (const id of [...codesByDocument.keys()].sort()) {
    if (/[\t\r\n]/.test(id)) throw new Error(`document id ${JSON.stringify(id)} contains a tab or line break`);
    for (const code of foldRankedCodes(codesByDocument.get(id) ?? [], options.granularity ?? 'full')) {
      if (/\s/.test(code)) throw new Error(`code ${JSON.stringify(code)} of ${id} contains white space`);
      rows.push(`${id}\t${code.toLowerCase()}`);
    }
  }
  return rows.map((row) => `${row}\n`).join('');
}

/** Writes {@link formatCodesTsv} of ranked predictions to `file` (UTF-8). */
export async function writePredictionsTsv(
  file: string,
  predictions: ReadonlyMap<string, readonly string[]>,
  options: CodeTsvOptions = {},
): Promise<void> {
  await writeFile(file, formatCodesTsv(predictions, options), 'utf8');
}

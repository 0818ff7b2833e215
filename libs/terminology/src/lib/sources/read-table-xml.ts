import { parseIndexShapedXml, type ParsedIndexEntry, type XmlInput } from './read-index-xml.js';
import type { TableData, TableRow } from './source-types.js';

/** The first column holds the term itself; code columns start at 2. */
const FIRST_CODE_COLUMN = 2;

/**
 * Cell text that means "no code": the tables write `--`, and the Neoplasm Table also a single `-`
 * (e.g. `Neoplasm, abdomen, wall, connective tissue`, Ca in situ).
 */
const NO_CODE_CELLS = new Set(['', '-', '--']);

function cellCode(text: string | undefined): string | null {
  return text === undefined || NO_CODE_CELLS.has(text) ? null : text;
}

/** Headings after the first column, in column order; a missing `head` leaves an empty heading. */
function codeHeadings(headings: Map<number, string>): string[] {
  const last = Math.max(FIRST_CODE_COLUMN - 1, ...headings.keys());
  const result: string[] = [];
  for (let col = FIRST_CODE_COLUMN; col <= last; col++) result.push(headings.get(col) ?? '');
  return result;
}

function toTableRow(entry: ParsedIndexEntry, id: number, width: number): TableRow {
  const cells: (string | null)[] = [];
  for (let index = 0; index < width; index++) cells.push(cellCode(entry.cells.get(index + FIRST_CODE_COLUMN)));
  const row: TableRow = { id, parent: entry.parent, level: entry.level, title: entry.title, nemod: entry.nemod, cells };
  if (entry.fields.see) row.see = entry.fields.see;
  if (entry.fields.seeAlso) row.seeAlso = entry.fields.seeAlso;
  return row;
}

/**
 * Reads the Neoplasm Table (`icd10cm_neoplasm_YYYY.xml`) or the Table of Drugs and Chemicals
 * (`icd10cm_drug_YYYY.xml`) with a streaming parser and flattens its rows like the Index.
 * `cells[i]` is column `i + 2`; `--`, `-` and empty cells are null.
 *
 * @param input the XML text itself, or a stream of its chunks (e.g. `fs.createReadStream(path)`).
 * @param kind which table the file is.
 * @throws (rejects) on malformed XML, with the line and column, or on a cell beyond the headings.
 */
export async function readTableXml(input: XmlInput, kind: 'neoplasm' | 'drug'): Promise<TableData> {
  const file = await parseIndexShapedXml(input);
  const headings = codeHeadings(file.headings);
  const lastColumn = headings.length + FIRST_CODE_COLUMN - 1;
  for (const entry of file.entries) {
    for (const col of entry.cells.keys()) {
      if (col < FIRST_CODE_COLUMN || col > lastColumn) {
        throw new Error(`${kind} table: "${entry.title}" has a cell in column ${col}, outside the headed columns 2-${lastColumn}`);
      }
    }
  }
  const rows = file.entries.map((entry, id) => toTableRow(entry, id, headings.length));
  return { version: file.version, kind, headings, rows };
}

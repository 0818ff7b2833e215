import type { AddendaRow, OrderRow } from './source-types.js';

/** A 1-based, inclusive column range; a range without `end` runs to the end of the line. */
export interface ColumnRange {
  readonly start: number;
  readonly end?: number;
}

/**
 * Column layouts of the CDC fixed-width files, the single place their boundaries are written.
 * The addenda layout is not the order layout shifted by the action word: it has no sequence
 * number and puts the billable flag before the code. Every column between two fields must be a
 * space, which catches a file whose columns have drifted.
 */
export const FIXED_WIDTH_COLUMNS = {
  order: {
    order: { start: 1, end: 5 },
    code: { start: 7, end: 13 },
    billable: { start: 15, end: 15 },
    shortTitle: { start: 17, end: 76 },
    longTitle: { start: 78 },
  },
  addenda: {
    action: { start: 1, end: 12 },
    billable: { start: 14, end: 14 },
    code: { start: 16, end: 22 },
    shortTitle: { start: 24, end: 83 },
    longTitle: { start: 85 },
  },
} as const satisfies Record<string, Record<string, ColumnRange>>;

type Layout = Readonly<Record<string, ColumnRange>>;
type OrderFields = keyof typeof FIXED_WIDTH_COLUMNS.order;
type AddendaFields = keyof typeof FIXED_WIDTH_COLUMNS.addenda;
type CodeFields = Omit<OrderRow, 'order'>;

/** Where a line came from, for error messages. */
interface LineSource {
  file: string;
  lineNumber: number;
  line: string;
}

// Codes are 3 to 7 characters, a letter first; the order file never writes the dot.
const UNDOTTED_CODE = /^[A-Z][0-9A-Z]{2,6}$/;
const SEQUENCE_NUMBER = /^[0-9]+$/;

const ADDENDA_ACTIONS = {
  'Add:': 'Add',
  'Delete:': 'Delete',
  'Revise from:': 'ReviseFrom',
  'Revise to:': 'ReviseTo',
} as const;
type AddendaLineKind = (typeof ADDENDA_ACTIONS)[keyof typeof ADDENDA_ACTIONS];

function malformed(source: LineSource, reason: string): Error {
  return new Error(`Malformed ${source.file} line ${source.lineNumber}: ${reason}: "${source.line.trimEnd()}"`);
}

/** Splits on CRLF or LF; blank lines at the end are dropped, so indexes stay line numbers - 1. */
function splitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

function slice(line: string, range: ColumnRange): string {
  return line.slice(range.start - 1, range.end ?? line.length);
}

/** Cuts a line into its fields after checking its length and the space columns between fields. */
function readFields<L extends Layout>(source: LineSource, layout: L): Record<keyof L, string> {
  const ranges = Object.values(layout).sort((a, b) => a.start - b.start);
  const lastStart = ranges[ranges.length - 1].start;
  if (source.line.length < lastStart) {
    throw malformed(source, `${source.line.length} characters, a row needs at least ${lastStart}`);
  }
  for (let i = 1; i < ranges.length; i++) {
    const gap = source.line.slice(ranges[i - 1].end, ranges[i].start - 1);
    if (gap.trim() !== '') {
      throw malformed(source, `column ${(ranges[i - 1].end ?? 0) + 1} should be blank, found "${gap}"`);
    }
  }
  const fields = {} as Record<keyof L, string>;
  for (const name of Object.keys(layout) as (keyof L)[]) fields[name] = slice(source.line, layout[name]);
  return fields;
}

/** Validates the fields both files share: code, billable flag and the two titles. */
function readCodeFields(source: LineSource, fields: Record<keyof CodeFields, string>): CodeFields {
  const code = fields.code.trimEnd();
  if (!UNDOTTED_CODE.test(code)) throw malformed(source, `"${fields.code}" is not an undotted ICD-10-CM code`);
  if (fields.billable !== '0' && fields.billable !== '1') {
    throw malformed(source, `billable flag must be 0 or 1, found "${fields.billable}"`);
  }
  const shortTitle = fields.shortTitle.trim();
  const longTitle = fields.longTitle.trim();
  if (shortTitle === '' || longTitle === '') throw malformed(source, 'empty title');
  return { code, billable: fields.billable === '1', shortTitle, longTitle };
}

function parseOrderLine(source: LineSource): OrderRow {
  const fields: Record<OrderFields, string> = readFields(source, FIXED_WIDTH_COLUMNS.order);
  if (!SEQUENCE_NUMBER.test(fields.order)) {
    throw malformed(source, `order number must be digits, found "${fields.order}"`);
  }
  return { order: Number(fields.order), ...readCodeFields(source, fields) };
}

/**
 * Parses `icd10cm_order_YYYY.txt`. Accepts CRLF or LF line ends and trailing blank lines; any
 * other line that does not fit the fixed-width layout throws an Error naming its line number.
 * Note that {@link OrderRow.order} is the file's sequence number, not part of the code.
 */
export function parseOrderFile(text: string): OrderRow[] {
  return splitLines(text).map((line, index) =>
    parseOrderLine({ file: 'ICD-10-CM order file', lineNumber: index + 1, line }),
  );
}

interface AddendaLine {
  kind: AddendaLineKind;
  row: CodeFields;
  source: LineSource;
}

function parseAddendaLine(source: LineSource): AddendaLine {
  const fields: Record<AddendaFields, string> = readFields(source, FIXED_WIDTH_COLUMNS.addenda);
  const word = fields.action.trim();
  if (!Object.hasOwn(ADDENDA_ACTIONS, word)) {
    throw malformed(source, `unknown action "${word}", expected one of ${Object.keys(ADDENDA_ACTIONS).join(' ')}`);
  }
  const kind = ADDENDA_ACTIONS[word as keyof typeof ADDENDA_ACTIONS];
  return { kind, row: readCodeFields(source, fields), source };
}

/** Pairs each `Revise from:` line with the `Revise to:` line that must follow it for the same code. */
function collectAddendaRows(lines: AddendaLine[]): AddendaRow[] {
  const rows: AddendaRow[] = [];
  let pendingFrom: AddendaLine | undefined;
  for (const line of lines) {
    if (pendingFrom && line.kind !== 'ReviseTo') {
      throw malformed(pendingFrom.source, '"Revise from:" is not followed by a "Revise to:" line');
    }
    if (line.kind === 'ReviseFrom') {
      pendingFrom = line;
    } else if (line.kind === 'ReviseTo') {
      if (!pendingFrom) throw malformed(line.source, '"Revise to:" without a preceding "Revise from:" line');
      if (pendingFrom.row.code !== line.row.code) {
        throw malformed(line.source, `"Revise to:" code differs from the "Revise from:" code ${pendingFrom.row.code}`);
      }
      const { billable, shortTitle, longTitle } = pendingFrom.row;
      rows.push({ action: 'Revise', ...line.row, revisedFrom: { billable, shortTitle, longTitle } });
      pendingFrom = undefined;
    } else {
      rows.push({ action: line.kind, ...line.row });
    }
  }
  if (pendingFrom) throw malformed(pendingFrom.source, '"Revise from:" is not followed by a "Revise to:" line');
  return rows;
}

/**
 * Parses `icd10cm_order_addenda_YYYY.txt`: the `Add:`, `Delete:` and `Revise from:`/`Revise to:`
 * lines up to the first blank line. The change summary CDC appends after that blank line
 * (counts of additions, deletions and revisions) is not parsed. A `Revise from:`/`Revise to:` pair
 * becomes one `Revise` row carrying the old values in `revisedFrom`. Malformed rows, unknown
 * action words and unpaired revisions throw an Error naming the line number.
 */
export function parseAddendaFile(text: string): AddendaRow[] {
  const lines: AddendaLine[] = [];
  for (const [index, line] of splitLines(text).entries()) {
    if (line.trim() === '') break;
    lines.push(parseAddendaLine({ file: 'ICD-10-CM addenda file', lineNumber: index + 1, line }));
  }
  return collectAddendaRows(lines);
}

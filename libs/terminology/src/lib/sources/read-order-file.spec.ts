import { describe, expect, it } from 'vitest';
import { FIXED_WIDTH_COLUMNS, parseAddendaFile, parseOrderFile } from './read-order-file.js';

// Real lines of icd10cm_order_2026.txt (trailing padding as in the file).
const ORDER_LINES = [
  '04301 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus',
  '04308 E112    0 Type 2 diabetes mellitus with kidney complications           Type 2 diabetes mellitus with kidney complications',
  '04310 E1122   1 Type 2 diabetes mellitus w diabetic chronic kidney disease   Type 2 diabetes mellitus with diabetic chronic kidney disease',
  '11580 I10     1 Essential (primary) hypertension                             Essential (primary) hypertension',
  '57427 S72001A 1 Fracture of unsp part of neck of right femur, init           Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
];

// Real lines of icd10cm_order_addenda_2026.txt, including the start of its change summary.
const ADDENDA_LINES = [
  'Delete:      1 B880    Other acariasis                                              Other acariasis',
  'Add:         0 B880    Other acariasis                                              Other acariasis',
  'Add:         1 B8801   Infestation by Demodex mites                                 Infestation by Demodex mites',
  'Revise from: 1 L02212  Cutaneous abscess of back [any part, except buttock]         Cutaneous abscess of back [any part, except buttock]',
  'Revise to:   1 L02212  Cutaneous abscess of back                                    Cutaneous abscess of back [any part, except buttock and flank]',
  '',
  'Headers',
  '  23324 headers in icd10cm_order_2025.txt',
  '    143 additions',
];

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** Replaces the text of a fixture line at 1-based `column`. */
function overwrite(line: string, column: number, text: string): string {
  return line.slice(0, column - 1) + text + line.slice(column - 1 + text.length);
}

describe('parseOrderFile', () => {
  it('reads every fixed-width field, keeping the sequence number apart from the code', () => {
    const rows = parseOrderFile(crlf(ORDER_LINES));
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual({
      order: 4310,
      code: 'E1122',
      billable: true,
      shortTitle: 'Type 2 diabetes mellitus w diabetic chronic kidney disease',
      longTitle: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
    });
    expect(rows[1]).toMatchObject({ order: 4308, code: 'E112', billable: false });
    expect(rows[4]).toMatchObject({ code: 'S72001A', billable: true });
    expect(rows[4].longTitle).toBe(
      'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
    );
  });

  it('gives the same rows for LF line ends and ignores trailing blank lines', () => {
    const expected = parseOrderFile(crlf(ORDER_LINES));
    expect(parseOrderFile(ORDER_LINES.join('\n'))).toEqual(expected);
    expect(parseOrderFile(crlf(ORDER_LINES) + '\r\n  \r\n\n')).toEqual(expected);
  });

  it('returns no rows for an empty file', () => {
    expect(parseOrderFile('')).toEqual([]);
    expect(parseOrderFile('\r\n')).toEqual([]);
  });

  it('keeps the column boundaries in one layout', () => {
    expect(FIXED_WIDTH_COLUMNS.order.code).toEqual({ start: 7, end: 13 });
    expect(FIXED_WIDTH_COLUMNS.order.longTitle).toEqual({ start: 78 });
  });

  it.each([
    ['a truncated line', '04301 E11     0 Type 2 diabetes', /line 2: 31 characters, a row needs at least 78/],
    ['a billable flag other than 0 or 1', overwrite(ORDER_LINES[0], 15, '2'), /line 2: billable flag must be 0 or 1/],
    ['a dotted code', overwrite(ORDER_LINES[0], 7, 'E11.2  '), /line 2: "E11.2  " is not an undotted/],
    ['a non-numeric order number', overwrite(ORDER_LINES[0], 1, '0430A'), /line 2: order number must be digits/],
    ['columns shifted by one', ' ' + ORDER_LINES[0], /line 2: column 6 should be blank/],
  ])('throws naming the line number on %s', (_name, badLine, message) => {
    const text = crlf([ORDER_LINES[3], badLine, ORDER_LINES[4]]);
    expect(() => parseOrderFile(text)).toThrow(message);
  });

  it('treats a blank line followed by more rows as malformed', () => {
    expect(() => parseOrderFile(crlf([ORDER_LINES[0], '', ORDER_LINES[1]]))).toThrow(/line 2:/);
  });
});

describe('parseAddendaFile', () => {
  it('reads Add and Delete rows, whose billable flag comes before the code', () => {
    const rows = parseAddendaFile(crlf(ADDENDA_LINES));
    expect(rows.slice(0, 3)).toEqual([
      { action: 'Delete', code: 'B880', billable: true, shortTitle: 'Other acariasis', longTitle: 'Other acariasis' },
      { action: 'Add', code: 'B880', billable: false, shortTitle: 'Other acariasis', longTitle: 'Other acariasis' },
      {
        action: 'Add',
        code: 'B8801',
        billable: true,
        shortTitle: 'Infestation by Demodex mites',
        longTitle: 'Infestation by Demodex mites',
      },
    ]);
  });

  it('merges a Revise from/to pair into one Revise row and stops at the change summary', () => {
    const rows = parseAddendaFile(crlf(ADDENDA_LINES));
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({
      action: 'Revise',
      code: 'L02212',
      billable: true,
      shortTitle: 'Cutaneous abscess of back',
      longTitle: 'Cutaneous abscess of back [any part, except buttock and flank]',
      revisedFrom: {
        billable: true,
        shortTitle: 'Cutaneous abscess of back [any part, except buttock]',
        longTitle: 'Cutaneous abscess of back [any part, except buttock]',
      },
    });
    expect(parseAddendaFile(ADDENDA_LINES.slice(0, 5).join('\n'))).toEqual(rows);
  });

  it('throws on an unknown action word, naming the line', () => {
    const text = crlf([ADDENDA_LINES[0], overwrite(ADDENDA_LINES[1], 1, 'Modify:')]);
    expect(() => parseAddendaFile(text)).toThrow(/line 2: unknown action "Modify:"/);
  });

  it('throws on a Revise from: line without its Revise to: line', () => {
    expect(() => parseAddendaFile(crlf([ADDENDA_LINES[3], ADDENDA_LINES[2]]))).toThrow(
      /line 1: "Revise from:" is not followed by a "Revise to:" line/,
    );
    expect(() => parseAddendaFile(crlf([ADDENDA_LINES[2], ADDENDA_LINES[3]]))).toThrow(/line 2: "Revise from:"/);
  });

  it('throws on a Revise to: line that is unpaired or names another code', () => {
    expect(() => parseAddendaFile(crlf([ADDENDA_LINES[4]]))).toThrow(/line 1: "Revise to:" without/);
    const otherCode = overwrite(ADDENDA_LINES[4], 16, 'L02213');
    expect(() => parseAddendaFile(crlf([ADDENDA_LINES[3], otherCode]))).toThrow(
      /line 2: "Revise to:" code differs from the "Revise from:" code L02212/,
    );
  });

  it('throws on a row laid out like the order file', () => {
    const orderLayout = 'Add:         B8801   1 Infestation by Demodex mites                               Infestation';
    expect(() => parseAddendaFile(orderLayout)).toThrow(/line 1: column 15 should be blank/);
  });
});

import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAddendaFile, parseOrderFile } from './read-order-file.js';
import { readTabularXml } from './read-tabular-xml.js';
import type { AddendaRow, OrderRow, TabularData } from './source-types.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const DATA_DIR = process.env.ICD10CM_DATA_DIR ?? path.resolve(REPO_ROOT, '../shared/icd10cm');
const dataFile = (name: string) => path.join(DATA_DIR, name);

// The files are ASCII; latin1 reads them without a UTF-8 decoding pass.
const readAscii = (name: string) => readFileSync(dataFile(name), 'latin1');

describe.skipIf(!existsSync(DATA_DIR))('CDC ICD-10-CM source files', () => {
  let orderRows: OrderRow[];
  beforeAll(() => {
    orderRows = parseOrderFile(readAscii('icd10cm_order_2026.txt'));
  });

  describe('icd10cm_order_2026.txt', () => {
    let rows: OrderRow[];
    beforeAll(() => {
      rows = orderRows;
    });

    it('holds 98,186 rows of which 74,719 are billable', () => {
      expect(rows).toHaveLength(98_186);
      expect(rows.filter((row) => row.billable)).toHaveLength(74_719);
    });

    it('numbers rows 1..n and never repeats a code', () => {
      expect(rows.every((row, index) => row.order === index + 1)).toBe(true);
      expect(new Set(rows.map((row) => row.code)).size).toBe(rows.length);
    });

    it('has E1122 billable and E112 as a header', () => {
      const find = (code: string) => rows.find((row) => row.code === code);
      expect(find('E1122')).toMatchObject({
        billable: true,
        longTitle: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      });
      expect(find('E112')).toMatchObject({ billable: false });
    });
  });

  describe('icd10cm_order_addenda_2026.txt', () => {
    let rows: AddendaRow[];
    beforeAll(() => {
      rows = parseAddendaFile(readAscii('icd10cm_order_addenda_2026.txt'));
    });

    it('matches the change summary at the end of the file', () => {
      const count = (action: AddendaRow['action']) => rows.filter((row) => row.action === action).length;
      // Summary: 143 header + 487 code additions, 28 code deletions, 7 header + 38 code revisions.
      expect([count('Add'), count('Delete'), count('Revise')]).toEqual([630, 28, 45]);
    });

    it('pairs Revise lines into rows that keep the old titles', () => {
      const revision = rows.find((row) => row.action === 'Revise' && row.code === 'L02212');
      expect(revision?.longTitle).toBe('Cutaneous abscess of back [any part, except buttock and flank]');
      expect(revision?.revisedFrom?.longTitle).toBe('Cutaneous abscess of back [any part, except buttock]');
    });
  });

  describe('icd10cm_tabular_2021.xml', () => {
    let data: TabularData;
    let parseMs: number;
    beforeAll(async () => {
      const started = performance.now();
      data = await readTabularXml(createReadStream(dataFile('icd10cm_tabular_2021.xml')));
      parseMs = performance.now() - started;
    });

    it('holds 45,017 diags in 22 chapters and parses within a few seconds', () => {
      expect(data.version).toBe('2021');
      expect(data.diags).toHaveLength(45_017);
      expect(data.chapters.map((chapter) => chapter.number)).toEqual(
        Array.from({ length: 22 }, (_, index) => String(index + 1)),
      );
      expect(data.sections).toHaveLength(296);
      expect(parseMs).toBeLessThan(10_000);
    });

    it('gives every diag a unique code, a title and a parent listed before it', () => {
      const seen = new Set<string>();
      const problems: string[] = [];
      for (const diag of data.diags) {
        if (diag.title === '') problems.push(`${diag.code}: no title`);
        if (diag.parent !== undefined && !seen.has(diag.parent)) problems.push(`${diag.code}: parent not before it`);
        if (seen.has(diag.code)) problems.push(`${diag.code}: repeated`);
        seen.add(diag.code);
      }
      expect(problems).toEqual([]);
    });

    it('carries the E11 notes', () => {
      const e11 = data.diags.find((diag) => diag.code === 'E11');
      expect(e11).toMatchObject({ title: 'Type 2 diabetes mellitus', chapter: '4', section: 'E08-E13' });
      expect(e11?.notes.includes).toEqual([
        'diabetes (mellitus) due to insulin secretory defect',
        'diabetes NOS',
        'insulin resistant diabetes (mellitus)',
      ]);
      expect(e11?.notes.useAdditionalCode).toContain('insulin (Z79.4)');
      expect(e11?.notes.excludes1).toHaveLength(8);
      expect(e11?.notes.excludes1).toContain('type 1 diabetes mellitus (E10.-)');
      expect(data.diags.find((diag) => diag.code === 'E11.22')?.parent).toBe('E11.2');
    });

    it('carries seventh-character definitions on S72', () => {
      const s72 = data.diags.find((diag) => diag.code === 'S72');
      const definitions = s72?.notes.sevenChrDef ?? [];
      expect(definitions.map((definition) => definition.char).join('')).toBe('ABCDEFGHJKMNPQRS');
      expect(definitions[1].inclusionTerms).toEqual(['initial encounter for open fracture NOS']);
      expect(data.diags.filter((diag) => diag.notes.sevenChrDef.length > 0)).toHaveLength(507);
    });

    it('has only the T40.7X cannabis codes missing from FY2026 (split in later years)', () => {
      const fy2026 = new Set(orderRows.map((row) => row.code));
      const missing = data.diags.map((diag) => diag.code).filter((code) => !fy2026.has(code.replace('.', '')));
      expect(missing).toEqual(['T40.7X', 'T40.7X1', 'T40.7X2', 'T40.7X3', 'T40.7X4', 'T40.7X5', 'T40.7X6']);
    });
  });
});

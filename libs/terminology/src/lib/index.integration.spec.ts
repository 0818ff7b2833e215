import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIndexNavigator, type IndexNavigator, type NavigationResult } from './index-navigation.js';
import { readIndexXml } from './sources/read-index-xml.js';
import { readTableXml } from './sources/read-table-xml.js';
import type { IndexData, IndexTerm, TableData } from './sources/source-types.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DATA_DIR = process.env.ICD10CM_DATA_DIR ?? path.resolve(REPO_ROOT, '../shared/icd10cm');
const FILES = {
  index: 'icd10cm_index_2017.xml',
  eindex: 'icd10cm_eindex_2022.xml',
  neoplasm: 'icd10cm_neoplasm_2022.xml',
  drug: 'icd10cm_drug_2022.xml',
};
const haveData = Object.values(FILES).every((name) => existsSync(path.join(DATA_DIR, name)));

/** Streams a file and reports how long the parse took. */
async function timed<T>(name: string, parse: (input: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await parse(createReadStream(path.join(DATA_DIR, name)));
  console.info(`parsed ${name} in ${Math.round(performance.now() - start)} ms`);
  return result;
}

/**
 * Real paths through the FY2017 Index to Diseases and Injuries, as a coder would say them, with the
 * code the Index writes (read out of the file; older codes and `-` endings are kept as written).
 */
const DISEASE_PATHS: [string, string[], string, string?][] = [
  ['Diabetes', ['type 2', 'with', 'chronic kidney disease'], 'E11.22'],
  ['Diabetes', ['type 2', 'chronic kidney disease'], 'E11.22'],
  ['Diabetes', ['chronic kidney disease', 'type 2'], 'E11.22'],
  ['Diabetes', ['type 1', 'with', 'hyperglycemia'], 'E10.65'],
  ['Diabetes', ['type 1', 'poorly controlled'], 'E10.65'],
  ['Diabetes', [], 'E11.9'],
  ['Attack', ['heart'], 'I21.3'],
  ['Attack', ['transient ischemic'], 'G45.9'],
  ['Attack', ['TIA'], 'G45.9'],
  ['Infarct', ['myocardium', 'acute'], 'I21.3'],
  ['Hypertension', [], 'I10'],
  ['Hypertension', ['heart', 'with', 'heart failure'], 'I11.0'],
  ['Hypertension', ['kidney', 'with', 'stage 5 chronic kidney disease'], 'I12.0'],
  ['Hypertension', ['cardiorenal', 'with heart failure'], 'I13.0'],
  ['Hypertension', ['portal', 'in schistosomiasis'], 'B65.9', 'K77'],
  ['Fracture, traumatic', ['radius', 'lower end'], 'S52.50-'],
  ['Fracture', ['radius', 'lower end'], 'S52.50-'],
  ['Pneumonia', ['aspiration'], 'J69.0'],
  ['Pneumonia', ['due to', 'Streptococcus pneumoniae'], 'J13'],
  ['Sepsis', ['E. coli'], 'A41.5'],
  ['Sepsis', ['MSSA'], 'A41.01'],
  ['Anemia', ['in', 'chronic kidney disease'], 'D63.1'],
  ['Asthma', ['mild persistent', 'with', 'status asthmaticus'], 'J45.32'],
  ['Abdominalgia', [], 'R10.9'],
  ['Hemorrhage', ['brain'], 'I61.9'],
  ['Appendicitis', ['acute', 'with', 'peritoneal abscess'], 'K35.3'],
  ['Cholecystitis', ['acute'], 'K81.0'],
  ['Otitis', ['media', 'acute'], 'H66.90'],
  ['Obesity', ['morbid'], 'E66.01'],
  ['Hyperlipidemia', ['mixed'], 'E78.2'],
  ['Infection', ['urinary tract'], 'N39.0'],
  ['Disease', ['lung', 'obstructive', 'chronic'], 'J44.9'],
  ['Failure', ['heart', 'congestive'], 'I50.9'],
  ['Failure', ['renal', 'acute'], 'N17.9'],
  ['Failure', ['respiratory', 'acute'], 'J96.00'],
  ['Fibrillation', ['atrial'], 'I48.91'],
  ['Migraine', ['with aura'], 'G43.109'],
  ['Tuberculosis', ['lymph gland'], 'A18.2'],
  ["Bonnier's syndrome", [], 'H81.8'],
  ['Gastroenteritis', [], 'K52.9'],
  ['Depression', [], 'F32.9'],
];

/** Real paths through the FY2022 Index to External Causes. */
const EXTERNAL_CAUSE_PATHS: [string, string[], string][] = [
  ['Fall', ['from', 'bed'], 'W06'],
  ['Bite', ['dog'], 'W54.0'],
  ['Struck by', ['ball'], 'W21.00'],
  ['Accident', ['transport', 'car occupant'], 'V49.9'],
  ['Contact', ['with', 'hot', 'tap water'], 'X11.8'],
  ['Exposure', ['cold'], 'X31'],
];

function pathOf(terms: { title: string; parent: number }[], id: number): string {
  const titles: string[] = [];
  for (let current = id; current >= 0; current = terms[current].parent) titles.unshift(terms[current].title);
  return titles.join(' > ');
}

describe.skipIf(!haveData)('Alphabetic Index and tables on the real CDC files', () => {
  let index: IndexData;
  let eindex: IndexData;
  let neoplasm: TableData;
  let drug: TableData;
  let diseases: IndexNavigator;
  let externalCauses: IndexNavigator;

  beforeAll(async () => {
    index = await timed(FILES.index, (input) => readIndexXml(input, 'index'));
    eindex = await timed(FILES.eindex, (input) => readIndexXml(input, 'eindex'));
    neoplasm = await timed(FILES.neoplasm, (input) => readTableXml(input, 'neoplasm'));
    drug = await timed(FILES.drug, (input) => readTableXml(input, 'drug'));
    diseases = createIndexNavigator(index.terms);
    externalCauses = createIndexNavigator(eindex.terms);
  });

  describe('readers', () => {
    const mainTerms = (terms: { level: number }[]) => terms.filter((term) => term.level === 0).length;

    it('reads 7,973 main terms and 69,226 terms from the FY2017 Index', () => {
      expect(index.version).toBe('2017');
      expect(mainTerms(index.terms)).toBe(7_973);
      expect(index.terms.length - mainTerms(index.terms)).toBe(69_226);
    });

    it('reads 314 main terms and 7,486 terms from the FY2022 External Cause Index', () => {
      expect(eindex.version).toBe('2022');
      expect(mainTerms(eindex.terms)).toBe(314);
      expect(eindex.terms.length - mainTerms(eindex.terms)).toBe(7_486);
    });

    it('reads the Neoplasm Table (one main term, 1,938 rows under it) and the Table of Drugs (5,175 + 2,248)', () => {
      expect(mainTerms(neoplasm.rows)).toBe(1);
      expect(neoplasm.rows.length).toBe(1_939);
      expect(neoplasm.headings).toEqual(['Malignant Primary', 'Malignant Secondary', 'Ca in situ', 'Benign', 'Uncertain Behavior', 'Unspecified Behavior']);
      expect(mainTerms(drug.rows)).toBe(5_175);
      expect(drug.rows.length).toBe(7_423);
      expect(drug.headings[0]).toBe('Poisoning Accidental (unintentional)');
      expect(drug.headings[5]).toBe('Underdosing');
    });

    it('keeps every parent before its children, one level up', () => {
      const consistent = (rows: { parent: number; level: number }[]) =>
        rows.every((row, id) => (row.parent < 0 ? row.level === 0 : row.parent < id && rows[row.parent].level === row.level - 1));
      for (const rows of [index.terms, eindex.terms, neoplasm.rows, drug.rows]) expect(consistent(rows)).toBe(true);
    });

    it('separates nonessential modifiers and reads every kind of field', () => {
      const find = (title: string, terms: IndexTerm[] = index.terms) => terms.find((term) => pathOf(terms, term.id) === title);
      expect(find('Diabetes, diabetic')).toMatchObject({ nemod: '(mellitus) (sugar)', code: 'E11.9' });
      expect(find('Diabetes, diabetic > type 2 > with > autonomic neuropathy')).toMatchObject({ nemod: '(poly)', code: 'E11.43' });
      expect(find('Hypertension, hypertensive > portal > in schistosomiasis')).toMatchObject({ code: 'B65.9', manif: 'K77', nemod: '(due to) (bilharziasis)' });
      expect(find('Failure, failed > heart > systolic > acute > and chronic')).toMatchObject({ code: 'I50.23', nemod: '(on) (congestive)' });
      expect(find("Bonnier's syndrome")).toMatchObject({ subcat: 'H81.8' });
      expect(find('Arthritis, arthritic > in > infectious disease NEC')).toMatchObject({ seeCategory: 'M01' });
      expect(find('Attack, attacks > heart')).toMatchObject({ see: 'infarct, myocardium' });
      // Some titles carry a coding instruction instead of a code; the reader keeps them as written.
      expect(find('Diabetes, diabetic > poorly controlled - code to Diabetes, by type, with hyperglycemia')).not.toHaveProperty('code');
      expect(index.terms.filter((term) => term.seeCategory)).toHaveLength(15);
      expect(eindex.terms.filter((term) => term.seeCategory)).toHaveLength(4);
    });

    it('reads table cells by column, with no code as null', () => {
      const row = (rows: TableData['rows'], title: string) => rows.find((r) => pathOf(rows, r.id) === title);
      expect(row(neoplasm.rows, 'Neoplasm, neoplastic > bronchus')?.cells).toEqual(['C34.9-', 'C78.0-', 'D02.2-', 'D14.3-', 'D38.1', 'D49.1']);
      expect(row(neoplasm.rows, 'Neoplasm, neoplastic > connective tissue NEC > breast')).toMatchObject({
        see: 'Neoplasm, breast',
        cells: [null, null, null, null, null, null],
      });
      expect(row(drug.rows, 'Acetaminophen')?.cells).toEqual(['T39.1X1', 'T39.1X2', 'T39.1X3', 'T39.1X4', 'T39.1X5', 'T39.1X6']);
      expect(row(drug.rows, '1-propanol')?.cells).toEqual(['T51.3X1', 'T51.3X2', 'T51.3X3', 'T51.3X4', null, null]);
      const cells = [...neoplasm.rows, ...drug.rows].flatMap((r) => r.cells);
      expect(cells.some((cell) => cell !== null && /^-+$|\s/.test(cell))).toBe(false);
    });
  });

  describe('navigating the Index to Diseases and Injuries', () => {
    it.each(DISEASE_PATHS)('%s > %j -> %s', (main, modifiers, code, manif) => {
      const result = diseases.navigate(main, modifiers);
      expect(result.code).toBe(code);
      expect(result.complete).toBe(true);
      if (manif) expect(result.manif).toBe(manif);
    });

    it('shows the way it took, through connectors and see references', () => {
      expect(diseases.navigate('Diabetes', ['type 2', 'chronic kidney disease']).path).toEqual([
        'Diabetes, diabetic',
        'type 2',
        'with',
        'chronic kidney disease',
      ]);
      expect(diseases.navigate('Attack', ['heart'])).toMatchObject({
        path: ['Attack, attacks', 'heart', 'Infarct, infarction', 'myocardium, myocardial'],
        followed: ['infarct, myocardium'],
      });
    });

    it('stops where the Index sends the coder elsewhere', () => {
      const stop = (main: string, modifiers: string[]): Pick<NavigationResult, 'stoppedAt' | 'stopReason' | 'code'> => {
        const { stoppedAt, stopReason, code } = diseases.navigate(main, modifiers);
        return { stoppedAt, stopReason, code };
      };
      expect(stop('Neoplasm', ['lung'])).toEqual({ stoppedAt: 'Table of Neoplasms', stopReason: 'neoplasm-table', code: undefined });
      expect(stop('Poisoning', ['drug'])).toMatchObject({ stopReason: 'drug-table', code: undefined });
      expect(stop('Arthritis', ['in', 'infectious disease NEC'])).toMatchObject({ stoppedAt: 'category M01', stopReason: 'category' });
      expect(stop('Abscess', ['gum'])).toMatchObject({ stoppedAt: 'Peridontitis, aggressive, localized', stopReason: 'not-found' });
    });

    it('ends every see reference of the Index in a code or a named stop, quickly', () => {
      const start = performance.now();
      const outcomes = new Map<string, number>();
      for (const term of index.terms) {
        if (!term.see || term.code) continue;
        const [main, ...modifiers] = pathOf(index.terms, term.id).split(' > ');
        const result = diseases.navigate(main, modifiers);
        const outcome = result.stopReason ?? (result.code ? 'code' : 'no code');
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
      const elapsed = Math.round(performance.now() - start);
      console.info(`followed ${[...outcomes.values()].reduce((a, b) => a + b)} see references in ${elapsed} ms`, Object.fromEntries(outcomes));
      expect(outcomes.get('code')).toBeGreaterThan(9_500);
      expect(outcomes.get('condition')).toBe(489);
      expect(outcomes.get('neoplasm-table')).toBe(789);
      expect(outcomes.get('drug-table')).toBe(149);
      expect((outcomes.get('not-found') ?? 0) + (outcomes.get('loop') ?? 0)).toBeLessThan(100);
    });
  });

  describe('navigating the Index to External Causes', () => {
    it.each(EXTERNAL_CAUSE_PATHS)('%s > %j -> %s', (main, modifiers, code) => {
      expect(externalCauses.navigate(main, modifiers)).toMatchObject({ code, complete: true });
    });
  });
});

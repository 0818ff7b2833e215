import { beforeAll, describe, expect, it } from 'vitest';
import { EVERYDAY_QUERIES } from '../fixtures/everyday-queries.js';
import { resolveDataDir } from './data-dir.js';
import { loadTerminology } from './load-terminology.js';
import { hasOrderFile } from './source-files.js';
import type { Terminology } from './terminology.js';

const dataDir = resolveDataDir().dir;
const haveData = hasOrderFile(dataDir);

/** Real Index paths, as a coder would walk them, and the FY2026 code they lead to. */
const INDEX_PATHS: [string, string[], string][] = [
  ['Diabetes', ['type 2', 'with', 'chronic kidney disease'], 'E11.22'],
  ['Diabetes', ['type 2', 'chronic kidney disease'], 'E11.22'],
  ['Diabetes', ['type 1', 'with', 'ketoacidosis'], 'E10.10'],
  ['Diabetes', ['type 2', 'with', 'hyperglycemia'], 'E11.65'],
  ['Hypertension', [], 'I10'],
  ['Hypertension', ['with', 'heart involvement'], 'I11.9'],
  ['Hypertension', ['heart', 'with', 'heart failure'], 'I11.0'],
  ['Hypertension', ['kidney'], 'I12.9'],
  ['Asthma', [], 'J45.909'],
  ['Asthma', ['with', 'status asthmaticus'], 'J45.902'],
  ['Pneumonia', [], 'J18.9'],
  ['Pneumonia', ['aspiration'], 'J69.0'],
  ['Pneumonia', ['lobar'], 'J18.1'],
  // The 2017 Index sends an unspecified infarction to I21.3; I21.9 came in FY2022.
  ['Infarct', ['myocardium'], 'I21.3'],
  ['Attack', ['heart'], 'I21.3'],
  ['Failure', ['heart', 'congestive'], 'I50.9'],
  ['Failure', ['renal', 'acute'], 'N17.9'],
  ['Failure', ['respiratory', 'acute'], 'J96.00'],
  ['Fibrillation', ['atrial'], 'I48.91'],
  ['Anemia', ['iron deficiency'], 'D50.9'],
  ['Anemia', [], 'D64.9'],
  ['Headache', [], 'R51.9'],
  ['Migraine', [], 'G43.909'],
  ['Pain', ['low back'], 'M54.50'],
  ['Pain', ['chest'], 'R07.9'],
  ['Pain', ['abdominal'], 'R10.9'],
  ['Obesity', [], 'E66.9'],
  // Codeless main terms whose `see also` is the only way on.
  ['Arthralgia', [], 'M25.50'],
  ['Adiposity', [], 'E66.9'],
  ['Depression', ['major'], 'F32.9'],
  ['Disease', ['kidney', 'chronic'], 'N18.9'],
  ['Disease', ['Crohn\'s'], 'K50.90'],
  ['Infection', ['urinary'], 'N39.0'],
  ['Cholelithiasis', [], 'K80.20'],
  ['Appendicitis', ['acute'], 'K35.80'],
  ['Gout', [], 'M10.9'],
  ['Sepsis', [], 'A41.9'],
  ['Syncope', [], 'R55'],
  ['Epistaxis', [], 'R04.0'],
];

describe.skipIf(!haveData)('ICD-10-CM FY2026 on the real CDC files', () => {
  let terminology: Terminology;
  beforeAll(async () => {
    terminology = await loadTerminology();
  });

  it('holds every code and header of the code set', () => {
    expect(terminology.version.version).toBe('FY2026');
    expect(terminology.size).toBe(98186);
    expect(terminology.billableCount).toBe(74719);
  });

  it('knows billable codes from headers and seventh characters', () => {
    expect(terminology.validate('E11.22')).toMatchObject({ valid: true, code: 'E11.22' });
    expect(terminology.validate('E11.2')).toMatchObject({ valid: false, reason: 'header' });
    expect(terminology.validate('S72.001A')).toMatchObject({ valid: true });
    expect(terminology.validate('S72.001')).toMatchObject({ valid: false, reason: 'needs-seventh-character' });
    expect(terminology.validate('S72.001Z')).toMatchObject({ valid: false, reason: 'invalid-seventh-character' });
    expect(terminology.lookup('e119')?.code).toBe('E11.9');
    expect(terminology.lookup('S72.001A')?.seventhCharacters.map((entry) => entry.char)).toContain('A');
  });

  it('gives the record of a code with its notes, hierarchy and Index entries', () => {
    const record = terminology.lookup('E11.22');
    expect(record?.section?.id).toBe('E08-E13');
    expect(record?.chapter?.number).toBe('4');
    expect(record?.notes.useAdditionalCode.join(' ')).toMatch(/chronic kidney disease/);
    expect(record?.inheritedNotes.find((entry) => entry.from === 'E11')?.notes.excludes1?.join(' ')).toMatch(/type 1 diabetes/);
    expect(record?.indexEntries.some((entry) => entry.path.map((step) => step.title).join(' > ').startsWith('Diabetes'))).toBe(true);
    expect(terminology.ancestors('E11.22').map((entry) => entry.code)).toEqual(['E11.2', 'E11']);
    expect(terminology.lookup('C50.9')?.tableCells.some((cell) => cell.table === 'neoplasm')).toBe(true);
  });

  it('lists an Index entry that sends the coder to a subcategory under that subcategory ("Pain, ear" H92.0)', () => {
    const paths = terminology.lookup('H92.0')?.indexEntries.map((entry) => entry.path.map((step) => step.title).join(' > '));
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^Pain.* > ear$/)]));
  });

  it('places every code in a chapter, categories added after the Tabular edition included', () => {
    expect(terminology.chapterOf('I1A.0')).toBe('9');
    expect(terminology.lookup('I1A.0')?.section?.id).toBe('I10-I16');
    expect(terminology.chapterOf('J4A.0')).toBe('10');
    expect(terminology.chapterOf('A41.51')).toBe(terminology.chapterOf('B96.20'));
    expect(terminology.compiled.codes.filter((code) => code.section < 0)).toEqual([]);
  });

  it.each(INDEX_PATHS)('navigates %s > %j to %s', (main, modifiers, expected) => {
    const outcome = terminology.navigate(main, modifiers);
    expect(outcome.billableCode ?? outcome.code).toBe(expected);
    expect(terminology.has(outcome.billableCode as string)).toBe(true);
  });

  it('never hands out a code missing from FY2026', () => {
    const compiled = terminology.compiled;
    const handedOut = [
      ...compiled.indexTermCodes.filter((code): code is string => code !== null),
      ...Object.values(compiled.seeTargetCodes),
      ...compiled.tableCellCodes.flat(2).filter((code): code is string => code !== null),
      ...Object.keys(compiled.notes),
      ...Object.values(compiled.bridged).map((entry) => entry.code),
    ];
    expect(handedOut.length).toBeGreaterThan(100_000);
    expect(handedOut.filter((code) => !terminology.has(code))).toEqual([]);
    expect(terminology.bridge('T40.7X1')).toBe('T40.7');
    expect(terminology.resolveBillable('M54.5')?.code).toBe('M54.50');
    expect(terminology.resolveBillable('R51')?.code).toBe('R51.9');
  });

  it('resolves a header that names no complication to its child without one, as the Index does', () => {
    expect(terminology.resolveBillable('E11')).toMatchObject({ code: 'E11.9', steps: [{ why: 'uncomplicated child' }] });
    expect(terminology.resolveBillable('E10')?.code).toBe('E10.9');
    // "..., not specified as recurrent" is the unspecified child beside "..., recurrent".
    expect(terminology.resolveBillable('A04.7')?.code).toBe('A04.72');
    expect(terminology.resolveBillable('F10.1')?.code).toBe('F10.10');
    expect(terminology.resolveBillable('F17.21')?.code).toBe('F17.210');
    // Children that split on a complication and none unspecified: the one without it, as the Index gives.
    expect(terminology.resolveBillable('E11.64')).toMatchObject({ code: 'E11.649', steps: [{ why: 'child without the complication' }] });
    expect(terminology.resolveBillable('B02')?.code).toBe('B02.9');
    // The parent names the complication: its unspecified kind is the default.
    expect(terminology.resolveBillable('I25.11')?.code).toBe('I25.119');
  });

  it('resolves to the unspecified child that names no complication and leaves the most unsaid', () => {
    // Not "Partial intestinal obstruction, unspecified as to cause".
    expect(terminology.resolveBillable('K56.60')?.code).toBe('K56.609');
    // Not "... with anxiety", "... with hemorrhage", "... with status epilepticus".
    expect(terminology.resolveBillable('F03')?.code).toBe('F03.90');
    expect(terminology.resolveBillable('K25')?.code).toBe('K25.9');
    expect(terminology.resolveBillable('G40.90')?.code).toBe('G40.909');
    // An unspecified eye, not both.
    expect(terminology.resolveBillable('H16.00')?.code).toBe('H16.009');
    // "With unspecified severity" names no complication; "with loss of consciousness" does.
    expect(terminology.resolveBillable('L97.90')?.code).toBe('L97.909');
    expect(terminology.resolveBillable('S06.9X')?.code).toBe('S06.9X0A');
    // Under "Parkinson's disease", whose children carry its title on, "Parkinsonism, unspecified" is another condition.
    expect(terminology.resolveBillable('G20')?.code).toBe('G20.A1');
  });

  it.each(EVERYDAY_QUERIES)('search "$query" has $expected in its top 3', ({ query, expected }) => {
    const hits = terminology.search(query, { limit: 3 });
    expect(hits.map((hit) => hit.code).some((code) => code.startsWith(expected))).toBe(true);
  });
});

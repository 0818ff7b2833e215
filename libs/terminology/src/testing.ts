/**
 * A small, real-shaped terminology for unit tests in any lib: a few dozen FY2026 rows, notes and
 * Index terms, built through the same `buildModel` as the full CDC files.
 */
import { buildModel } from './lib/build-model.js';
import { emptyNotes } from './lib/notes.js';
import type { IndexTerm, OrderRow, TabularData, TabularNotes } from './lib/sources/source-types.js';
import { Terminology } from './lib/terminology.js';

const FIXTURE_ROWS: [string, 0 | 1, string][] = [
  ['E08', 0, 'Diabetes mellitus due to underlying condition'],
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E112', 0, 'Type 2 diabetes mellitus with kidney complications'],
  ['E1121', 1, 'Type 2 diabetes mellitus with diabetic nephropathy'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'],
  ['E1129', 1, 'Type 2 diabetes mellitus with other diabetic kidney complication'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['E11A', 1, 'Type 2 diabetes mellitus without complications in remission'],
  ['I10', 1, 'Essential (primary) hypertension'],
  ['I11', 0, 'Hypertensive heart disease'],
  ['I110', 1, 'Hypertensive heart disease with heart failure'],
  ['I119', 1, 'Hypertensive heart disease without heart failure'],
  ['I21', 0, 'Acute myocardial infarction'],
  ['I219', 1, 'Acute myocardial infarction, unspecified'],
  ['I50', 0, 'Heart failure'],
  ['I509', 1, 'Heart failure, unspecified'],
  ['M54', 0, 'Dorsalgia'],
  ['M545', 0, 'Low back pain'],
  ['M5450', 1, 'Low back pain, unspecified'],
  ['M5451', 1, 'Vertebrogenic low back pain'],
  ['M5459', 1, 'Other low back pain'],
  ['N18', 0, 'Chronic kidney disease (CKD)'],
  ['N183', 0, 'Chronic kidney disease, stage 3 (moderate)'],
  ['N1830', 1, 'Chronic kidney disease, stage 3 unspecified'],
  ['N1831', 1, 'Chronic kidney disease, stage 3a'],
  ['N1832', 1, 'Chronic kidney disease, stage 3b'],
  ['N189', 1, 'Chronic kidney disease, unspecified'],
  ['R51', 0, 'Headache'],
  ['R510', 1, 'Headache with orthostatic component, not elsewhere classified'],
  ['R519', 1, 'Headache, unspecified'],
  ['S52', 0, 'Fracture of forearm'],
  ['S525', 0, 'Fracture of lower end of radius'],
  ['S5250', 0, 'Unspecified fracture of the lower end of radius'],
  ['S52501', 0, 'Unspecified fracture of the lower end of right radius'],
  ['S52501A', 1, 'Unspecified fracture of the lower end of right radius, initial encounter for closed fracture'],
  ['S52501D', 1, 'Unspecified fracture of the lower end of right radius, subsequent encounter for closed fracture with routine healing'],
  ['S52501S', 1, 'Unspecified fracture of the lower end of right radius, sequela'],
  ['S52502', 0, 'Unspecified fracture of the lower end of left radius'],
  ['S52502A', 1, 'Unspecified fracture of the lower end of left radius, initial encounter for closed fracture'],
  ['S52502D', 1, 'Unspecified fracture of the lower end of left radius, subsequent encounter for closed fracture with routine healing'],
  ['S52502S', 1, 'Unspecified fracture of the lower end of left radius, sequela'],
  ['T15', 0, 'Foreign body on external eye'],
  ['T150', 0, 'Foreign body in cornea'],
  ['T1500', 0, 'Foreign body in cornea, unspecified eye'],
  ['T1500XA', 1, 'Foreign body in cornea, unspecified eye, initial encounter'],
  ['T1500XD', 1, 'Foreign body in cornea, unspecified eye, subsequent encounter'],
  ['Z85', 0, 'Personal history of malignant neoplasm'],
  ['Z853', 1, 'Personal history of malignant neoplasm of breast'],
];

function notes(partial: Partial<TabularNotes>): TabularNotes {
  return { ...emptyNotes(), ...partial };
}

function fixtureTabular(): TabularData {
  const diag = (code: string, title: string, parent: string | undefined, section: string, extra: Partial<TabularNotes> = {}) => ({
    code,
    title,
    parent,
    chapter: section.startsWith('S') ? '19' : section.startsWith('E') ? '4' : '9',
    section,
    notes: notes(extra),
  });
  return {
    version: '2021',
    chapters: [
      { number: '4', title: 'Endocrine, nutritional and metabolic diseases (E00-E89)', notes: notes({ notes: ['All neoplasms are classified in Chapter 2'] }) },
      { number: '9', title: 'Diseases of the circulatory system (I00-I99)', notes: notes({ excludes2: ['certain conditions originating in the perinatal period (P04-P96)'] }) },
      { number: '13', title: 'Diseases of the musculoskeletal system and connective tissue (M00-M99)', notes: notes({}) },
      { number: '14', title: 'Diseases of the genitourinary system (N00-N99)', notes: notes({}) },
      { number: '18', title: 'Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified (R00-R99)', notes: notes({}) },
      { number: '19', title: 'Injury, poisoning and certain other consequences of external causes (S00-T88)', notes: notes({}) },
      { number: '21', title: 'Factors influencing health status and contact with health services (Z00-Z99)', notes: notes({}) },
    ],
    sections: [
      { id: 'E08-E13', title: 'Diabetes mellitus (E08-E13)', chapter: '4', notes: notes({}) },
      { id: 'I10-I16', title: 'Hypertensive diseases (I10-I16)', chapter: '9', notes: notes({ useAdditionalCode: ['to identify exposure to tobacco smoke'] }) },
      { id: 'I20-I25', title: 'Ischemic heart diseases (I20-I25)', chapter: '9', notes: notes({}) },
      { id: 'I30-I5A', title: 'Other forms of heart disease (I30-I5A)', chapter: '9', notes: notes({}) },
      { id: 'M50-M54', title: 'Other dorsopathies (M50-M54)', chapter: '13', notes: notes({}) },
      { id: 'N17-N19', title: 'Acute kidney failure and chronic kidney disease (N17-N19)', chapter: '14', notes: notes({}) },
      { id: 'R50-R69', title: 'General symptoms and signs (R50-R69)', chapter: '18', notes: notes({}) },
      { id: 'S50-S59', title: 'Injuries to the elbow and forearm (S50-S59)', chapter: '19', notes: notes({}) },
      { id: 'T15-T19', title: 'Effects of foreign body entering through natural orifice (T15-T19)', chapter: '19', notes: notes({}) },
      { id: 'Z77-Z99', title: 'Persons with potential health hazards related to family and personal history (Z77-Z99)', chapter: '21', notes: notes({}) },
    ],
    diags: [
      diag('E11', 'Type 2 diabetes mellitus', undefined, 'E08-E13', {
        includes: ['diabetes (mellitus) due to insulin secretory defect'],
        excludes1: ['diabetes mellitus due to underlying condition (E08.-)'],
        useAdditionalCode: ['to identify control using insulin (Z79.4)'],
      }),
      diag('E11.2', 'Type 2 diabetes mellitus with kidney complications', 'E11', 'E08-E13'),
      diag('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'E11.2', 'E08-E13', {
        useAdditionalCode: ['to identify stage of chronic kidney disease (N18.1-N18.6)'],
      }),
      diag('E11.9', 'Type 2 diabetes mellitus without complications', 'E11', 'E08-E13'),
      diag('I10', 'Essential (primary) hypertension', undefined, 'I10-I16', { inclusionTerms: ['high blood pressure', 'hypertension (arterial) (benign) (essential)'] }),
      diag('S52', 'Fracture of forearm', undefined, 'S50-S59', {
        sevenChrDef: [
          { char: 'A', description: 'initial encounter for closed fracture' },
          { char: 'D', description: 'subsequent encounter for closed fracture with routine healing' },
          { char: 'S', description: 'sequela' },
        ],
      }),
      diag('S52.5', 'Fracture of lower end of radius', 'S52', 'S50-S59'),
      diag('S52.50', 'Unspecified fracture of the lower end of radius', 'S52.5', 'S50-S59'),
      diag('S52.501', 'Unspecified fracture of the lower end of right radius', 'S52.50', 'S50-S59'),
      // M54.5 was billable in the 2021 Tabular; FY2026 made it a header.
      diag('M54.5', 'Low back pain', undefined, 'S50-S59', { inclusionTerms: ['Loin pain', 'Lumbago NOS'] }),
      // Moved code: gone from FY2026, its title lives on beneath the same category.
      diag('N18.3', 'Chronic kidney disease, stage 3 (moderate)', undefined, 'S50-S59'),
      diag('N18.39', 'Chronic kidney disease, stage 3 unspecified', 'N18.3', 'S50-S59'),
    ],
  };
}

function term(id: number, parent: number, level: number, title: string, extra: Partial<IndexTerm> = {}): IndexTerm {
  return { id, parent, level, title, nemod: '', source: 'index', ...extra };
}

function fixtureIndexTerms(): IndexTerm[] {
  return [
    term(0, -1, 0, 'Diabetes, diabetic', { nemod: '(mellitus) (sugar)', code: 'E11.9' }),
    term(1, 0, 1, 'type 2', { code: 'E11.9' }),
    term(2, 1, 2, 'with'),
    term(3, 2, 3, 'chronic kidney disease', { code: 'E11.22' }),
    term(4, 2, 3, 'kidney complications NEC', { code: 'E11.29' }),
    term(5, -1, 0, 'Hypertension, hypertensive', { nemod: '(accelerated) (benign) (essential)', code: 'I10' }),
    term(6, 5, 1, 'heart', { nemod: '(disease) (conditions in I51.4-I51.9 due to hypertension)', code: 'I11.9' }),
    term(7, 6, 2, 'with', {}),
    term(8, 7, 3, 'heart failure', { nemod: '(congestive)', code: 'I11.0' }),
    term(9, -1, 0, 'Attack, attacks'),
    term(10, 9, 1, 'heart', { see: 'Infarct, myocardium' }),
    term(11, -1, 0, 'Infarct, infarction'),
    term(12, 11, 1, 'myocardium, myocardial', { nemod: '(acute)', code: 'I21.9' }),
    term(13, -1, 0, 'Pain', { nemod: '(s)', code: 'R52' }),
    term(14, 13, 1, 'low back', { code: 'M54.5' }),
    term(15, -1, 0, 'Headache', { code: 'R51' }),
    term(16, -1, 0, 'Disease, diseased'),
    term(17, 16, 1, 'kidney', { nemod: '(functional) (pelvis)' }),
    term(18, 17, 2, 'chronic', { code: 'N18.9' }),
    term(19, 18, 3, 'stage 3', { nemod: '(moderate)', code: 'N18.39' }),
    term(20, -1, 0, 'History'),
    term(21, 20, 1, 'personal', { nemod: '(of)' }),
    term(22, 21, 2, 'malignant neoplasm', { nemod: '(of)' }),
    term(23, 22, 3, 'breast', { code: 'Z85.3' }),
  ];
}

/** The order rows of the fixture code set. */
export function fixtureOrderRows(): OrderRow[] {
  return FIXTURE_ROWS.map(([code, billable, title], position) => ({
    order: position + 1,
    code,
    billable: billable === 1,
    shortTitle: title.slice(0, 60),
    longTitle: title,
  }));
}

/** How many Index terms the fixture has: the id of the first extra term. */
export const FIXTURE_INDEX_TERM_COUNT = fixtureIndexTerms().length;

/**
 * A {@link Terminology} over the fixture rows, notes and Index terms (FY2026 codes, 2021 Tabular,
 * 2017-style Index); `extraIndexTerms` (ids and parents numbered after the fixture's own) are
 * appended for a test that needs an Index shape the fixture lacks.
 */
export function createFixtureTerminology(extraIndexTerms: readonly IndexTerm[] = []): Terminology {
  return new Terminology(
    buildModel({
      codeSetYear: 2026,
      order: fixtureOrderRows(),
      tabular: fixtureTabular(),
      indexes: [{ version: '2017', source: 'index', terms: [...fixtureIndexTerms(), ...extraIndexTerms] }],
      tables: [],
      sources: [],
    }),
  );
}

export { buildZip, orderLine, refusedUrl, startReleaseServer, type ReleaseTestServer, type TestRoute } from './lib/release/release-test-server.js';

import type { CodeSummary, Terminology } from '@icd/terminology';
import calibrationData from '../../data/calibration.codiesp-train.json' with { type: 'json' };
import lexiconData from '../../data/lexicon.codiesp-train.json' with { type: 'json' };
import { buildTermDictionary, type EntryDraft, type TermDictionary } from '../dictionary/term-dictionary.js';
import { calibratedScores, parseCalibration, parseLexicon, type Calibration } from './learned-data.js';
import { createAdditionalCodeRule, createExcludes1Checker, type AdditionalCodeRule, type Excludes1Checker } from './excludes-conflicts.js';
import { loadHistoryRules, type HistoryRule } from './history-rules.js';
import { loadBmiRules, type BmiRules } from './bmi-status.js';
import { loadCodeFirstDefaults, type CodeFirstDefault } from './code-first-defaults.js';
import { loadHypertensionLinks, type HypertensionLinks } from './hypertension-links.js';
import { loadSequelaLinks, type SequelaLinks } from './sequela-links.js';
import { loadPresumedLinks, type PresumedLink } from './presumed-links.js';
import { loadStatusRules, statusEntryDrafts, withoutDrugDiagnoses, type StatusRule } from './status-rules.js';
import { createCodeNarrower, createEntryNarrower, type CodeNarrower, type EntryNarrower } from './narrow-code.js';
import { createCodeSummaries } from './code-summaries.js';
import { createCodePriors, type CodePriors } from './code-candidates.js';
import { createCodeFacts, type CodeFacts } from './code-facts.js';

/** Everything the coding stages need besides the text: built once per process, shared by every document. */
export interface CodingModel {
  readonly terminology: Terminology;
  /** `terminology.summary`, remembered per code. */
  readonly summary: (code: string) => CodeSummary | null;
  readonly dictionary: TermDictionary;
  readonly narrow: CodeNarrower;
  /** `narrow` for the code of a dictionary entry, by entry id. */
  readonly narrowEntry: EntryNarrower;
  readonly historyRules: readonly HistoryRule[];
  /** BMI phrases, the adult bands of the Index and the diagnoses that make a BMI reportable. */
  readonly bmiRules: BmiRules;
  /** Drugs and treatments that imply a status code, and the diagnoses some of them need. */
  readonly statusRules: readonly StatusRule[];
  /** Hypertension's presumed links to heart and kidney disease, and the combination codes they give. */
  readonly hypertensionLinks: HypertensionLinks;
  /** Combinations the classification presumes from two conditions (atherosclerosis with angina, diabetes with CKD). */
  readonly presumedLinks: readonly PresumedLink[];
  /** Past cerebrovascular events, the deficits they leave and the I69 codes those give. */
  readonly sequelaLinks: SequelaLinks;
  /** Underlying conditions "code first" notes ask for, and their defaults when a note names none. */
  readonly codeFirstDefaults: readonly CodeFirstDefault[];
  readonly excludes1: Excludes1Checker;
  readonly asksForAdditionalCode: AdditionalCodeRule;
  readonly calibration: Calibration;
  /** Calibrated score of each dictionary entry, by entry id. */
  readonly entryScores: Float64Array;
  /** Codes the history rules hand out. */
  readonly historyCodes: ReadonlySet<string>;
  /** What the ranker knows of each code before reading a document. */
  readonly codePriors: (code: string) => CodePriors;
  /** `summary`, `codePriors` and `excludes1` notes of a code together, for ranking. */
  readonly codeFacts: (code: string) => CodeFacts;
}

export interface CodingModelOptions {
  /** Extra phrasings; defaults to the lexicon mined from the CodiEsp training cases. */
  lexicon?: readonly EntryDraft[];
  /** Learned match precision; defaults to the one fitted on the CodiEsp training cases. */
  calibration?: Calibration;
  /**
   * History and family-history rules (`parseHistoryRules`); defaults to the shipped
   * file, which needs a full code set: a small or older one must bring rules its codes satisfy.
   */
  historyRules?: readonly HistoryRule[];
  /**
   * "Code first" defaults (`parseCodeFirstDefaults`); defaults to the shipped file, which needs a
   * full code set, as the history rules do.
   */
  codeFirstDefaults?: readonly CodeFirstDefault[];
}

export function createCodingModel(terminology: Terminology, options: CodingModelOptions = {}): CodingModel {
  const lexicon = options.lexicon ?? parseLexicon(lexiconData, terminology);
  const statusRules = loadStatusRules(terminology);
  const statusDrafts = statusEntryDrafts(statusRules);
  const dictionary = buildTermDictionary(terminology, [...withoutDrugDiagnoses(lexicon, statusDrafts), ...statusDrafts]);
  const calibration = options.calibration ?? parseCalibration(calibrationData);
  const historyRules = options.historyRules ?? loadHistoryRules(terminology);
  const summary = createCodeSummaries(terminology);
  const historyCodes = new Set(historyRules.map((rule) => rule.code));
  const narrow = createCodeNarrower(terminology, summary);
  const codePriors = createCodePriors(calibration, historyCodes, (code) => summary(code)?.title);
  const excludes1 = createExcludes1Checker(terminology);
  return {
    terminology,
    summary,
    dictionary,
    narrow,
    narrowEntry: createEntryNarrower(dictionary.entries, narrow, summary),
    historyRules,
    bmiRules: loadBmiRules(terminology),
    statusRules,
    hypertensionLinks: loadHypertensionLinks(terminology),
    presumedLinks: loadPresumedLinks(terminology),
    sequelaLinks: loadSequelaLinks(terminology),
    codeFirstDefaults: options.codeFirstDefaults ?? loadCodeFirstDefaults(terminology),
    historyCodes,
    codePriors,
    codeFacts: createCodeFacts(summary, codePriors, excludes1.notesOf),
    excludes1,
    asksForAdditionalCode: createAdditionalCodeRule(terminology),
    calibration,
    entryScores: calibratedScores(calibration, dictionary.entries),
  };
}

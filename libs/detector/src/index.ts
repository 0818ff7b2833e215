export {
  StageOrderError,
  createDetectorDoc,
  requireStages,
  withLayers,
} from './lib/detector-doc.js';
export type {
  AssertionCue,
  ContextCategory,
  DetectorDoc,
  DetectorMention,
  DocLayers,
  Expansion,
  Section,
  Sentence,
  StageDiagnostic,
  TextRange,
  Token,
  TokenKind,
} from './lib/detector-doc.js';
export type { NamedStage, Stage, StageDeps } from './lib/stage.js';
export { rangesOverlap, sectionAt, sectionCategoryAt, sentenceAt } from './lib/doc-queries.js';
export { assertionFromCues, createMention } from './lib/mentions.js';
export { TEXT_STAGES, defaultStageDeps, runStages, runStagesOnDoc, stagesThrough } from './lib/pipeline.js';
export { TOKENIZE_STAGE, tokenize, tokenizeText } from './lib/stages/tokenize.js';
export { SECTIONIZE_STAGE, buildSections, findSectionHeaders, sectionize } from './lib/stages/sectionize.js';
export type { SectionHeader } from './lib/stages/sectionize.js';
export {
  EXPAND_ABBREVIATIONS_STAGE,
  expandAbbreviations,
  isUpperCaseDocument,
  resolveAbbreviationSense,
} from './lib/stages/expand-abbreviations.js';
export type { AbbreviationContext } from './lib/stages/expand-abbreviations.js';
export { ASSERT_CONTEXT_STAGE, assertContext, findTriggers, scopeOfTrigger } from './lib/stages/assert-context.js';
export type { ContextTrigger } from './lib/stages/assert-context.js';
export { DEFAULT_RULE_FILES, loadDefaultRules, loadRulesFromFiles } from './lib/rules/detector-rules.js';
export type { DetectorRules, RuleFilePaths } from './lib/rules/detector-rules.js';
export { RuleFileError, readRuleFile } from './lib/rules/rule-file.js';
export { parseSectionRules } from './lib/rules/section-rules.js';
export type { SectionRule, SectionRules } from './lib/rules/section-rules.js';
export { CONTEXT_CATEGORIES, CONTEXT_DIRECTIONS, parseContextRules } from './lib/rules/context-rules.js';
export type { CompiledContextRule, ContextDirection, ContextRule, ContextRules } from './lib/rules/context-rules.js';
export { parseAbbreviations } from './lib/rules/abbreviation-rules.js';
export type {
  AbbreviationEntry,
  AbbreviationRules,
  AbbreviationSense,
  CompiledAbbreviation,
  CompiledSense,
} from './lib/rules/abbreviation-rules.js';
export { createDetector, rankAllMentionCodes } from './lib/create-detector.js';
export type { Detector } from './lib/create-detector.js';
export { CODING_STAGES } from './lib/pipeline.js';
export { createCodingModel } from './lib/coding/coding-model.js';
export type { CodingModel, CodingModelOptions } from './lib/coding/coding-model.js';
export type { Calibration } from './lib/coding/learned-data.js';
export { calibrationKey } from './lib/coding/learned-data.js';
export { buildTermDictionary } from './lib/dictionary/term-dictionary.js';
export type { DictionaryEntry, EntryDraft, EntrySource, TermDictionary } from './lib/dictionary/term-dictionary.js';
export { contentStems, stemOf } from './lib/dictionary/stems.js';
export { MATCH_TERMS_STAGE, matchTerms } from './lib/stages/match-terms.js';
export { RESOLVE_CODES_STAGE, resolveCodes } from './lib/stages/resolve-codes.js';
export { LINK_SEQUELAE_STAGE, linkSequelae } from './lib/stages/link-sequelae.js';
export type { CandidateMatch, MentionCandidates, MentionResolution, ResolvedCode } from './lib/detector-doc.js';
export { mineLexicon } from './lib/training/mine-lexicon.js';
export type { LexiconMiningOptions, TrainingDocument } from './lib/training/mine-lexicon.js';
export { chooseThreshold, createGoldMatcher, fitCalibration } from './lib/training/fit-calibration.js';
export { parseCalibration, parseLexicon } from './lib/coding/learned-data.js';
export type { LexiconFileContent } from './lib/coding/learned-data.js';
export { trainDetector } from './lib/training/train-detector.js';
export type { TrainedData } from './lib/training/train-detector.js';
export { EMPTY_CALIBRATION } from './lib/coding/learned-data.js';

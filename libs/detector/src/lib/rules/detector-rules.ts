import abbreviationsJson from '../../data/abbreviations.en.json' with { type: 'json' };
import contextRulesJson from '../../data/context-rules.en.json' with { type: 'json' };
import sectionRulesJson from '../../data/section-rules.en.json' with { type: 'json' };
import { type AbbreviationRules, parseAbbreviations } from './abbreviation-rules.js';
import { type ContextRules, parseContextRules } from './context-rules.js';
import { readRuleFile } from './rule-file.js';
import { type SectionRules, parseSectionRules } from './section-rules.js';

/** Every rule set the text stages use, validated and compiled. */
export interface DetectorRules {
  readonly sections: SectionRules;
  readonly context: ContextRules;
  readonly abbreviations: AbbreviationRules;
}

/** File names of the shipped rule files under `src/data/`, as errors name them. */
export const DEFAULT_RULE_FILES = {
  sections: 'section-rules.en.json',
  context: 'context-rules.en.json',
  abbreviations: 'abbreviations.en.json',
} as const;

let defaultRules: DetectorRules | undefined;

/** The shipped English rules, validated and compiled on first use and then shared by the process. */
export function loadDefaultRules(): DetectorRules {
  defaultRules ??= {
    sections: parseSectionRules(sectionRulesJson, DEFAULT_RULE_FILES.sections),
    context: parseContextRules(contextRulesJson, DEFAULT_RULE_FILES.context),
    abbreviations: parseAbbreviations(abbreviationsJson, DEFAULT_RULE_FILES.abbreviations),
  };
  return defaultRules;
}

/** Paths of rule files that replace the shipped ones; a rule set not given stays the shipped one. */
export interface RuleFilePaths {
  readonly sections?: string;
  readonly context?: string;
  readonly abbreviations?: string;
}

/** Rules read from disk where a path is given, shipped rules elsewhere. */
export function loadRulesFromFiles(paths: RuleFilePaths): DetectorRules {
  const shipped = loadDefaultRules();
  return {
    sections: paths.sections ? readRuleFile(paths.sections, parseSectionRules) : shipped.sections,
    context: paths.context ? readRuleFile(paths.context, parseContextRules) : shipped.context,
    abbreviations: paths.abbreviations ? readRuleFile(paths.abbreviations, parseAbbreviations) : shipped.abbreviations,
  };
}

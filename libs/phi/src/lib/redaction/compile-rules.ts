import type { PhiRule } from './pattern-file.js';
import { describeBacktrackingRisk } from './pattern-safety.js';
import { isPhiType, type PhiType } from './phi-types.js';

/** What templates are expanded from: the file's lists and fragments. */
export interface TemplateSource {
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly fragments: Readonly<Record<string, string>>;
}

/** A rule ready to run. */
export interface CompiledRule {
  readonly id: string;
  readonly type: PhiType;
  readonly priority: number;
  readonly minNameTokens: number;
  /** Global, sticky-free, with indices (d) so that named groups give offsets. */
  readonly regex: RegExp;
}

/** The group that marks the part of a match to redact, typed by the rule. */
export const PHI_GROUP = 'phi';
/** The year of a date: kept, unless it is too far back or the caller drops years. */
export const YEAR_GROUP = 'year';

const TEMPLATE_REFERENCE = /\{\{([A-Z][A-Z0-9_]*)\}\}/g;
const MAX_TEMPLATE_DEPTH = 6;
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_END = /[\p{L}\p{N}]$/u;

class TemplateError extends Error {}

/** `value` with every regex syntax character escaped (under the u flag, escaping anything else is an error). */
export function escapeRegExp(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** An alternation of literal phrases, longest first so that "medical record number" beats "medical record". */
function listSource(entries: readonly string[]): string {
  const sorted = [...new Set(entries)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((entry) => entry.trim().split(/\s+/).map(escapeRegExp).join('[ \\t]{1,2}')).join('|')})`;
}

/** Replaces every `{{NAME}}` in `template` by its fragment (expanded in turn) or list. */
export function expandTemplate(source: TemplateSource, template: string, depth = 0): string {
  if (depth > MAX_TEMPLATE_DEPTH) throw new TemplateError('templates nest too deeply (a fragment refers to itself?)');
  return template.replace(TEMPLATE_REFERENCE, (_whole, name: string) => {
    const list = source.lists[name];
    if (list) return listSource(list);
    const fragment = source.fragments[name];
    if (fragment === undefined) throw new TemplateError(`unknown template {{${name}}}`);
    return `(?:${expandTemplate(source, fragment, depth + 1)})`;
  });
}

/** Pattern source for one cue phrase: letters in any case unless `caseSensitive`, spaces matching runs of spaces. */
function cueSource(cue: string, caseSensitive: boolean): string {
  let source = '';
  for (const part of cue.trim().split(/(\s+)/)) {
    if (/^\s+$/.test(part)) {
      source += '[ \\t]{1,3}';
      continue;
    }
    for (const char of part) {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (char === "'" || char === '’') source += "['’]";
      else if (!caseSensitive && lower !== upper) source += `[${lower}${upper}]`;
      else source += escapeRegExp(char);
    }
  }
  return WORD_END.test(cue) ? `${source}(?![\\p{L}\\p{N}])` : source;
}

function cuesSource(cues: readonly string[], caseSensitive: boolean): string {
  const sorted = [...new Set(cues)].sort((a, b) => b.length - a.length);
  // One shared look-behind when every cue starts with a word character keeps V8's scan fast.
  const shared = sorted.every((cue) => WORD_START.test(cue));
  const alternatives = sorted.map((cue) => {
    const body = cueSource(cue, caseSensitive);
    return shared || !WORD_START.test(cue) ? body : `(?<![\\p{L}\\p{N}])${body}`;
  });
  return `${shared ? '(?<![\\p{L}\\p{N}])' : ''}(?:${alternatives.join('|')})`;
}

/** The full regex source of a rule, templates expanded. */
export function ruleSource(source: TemplateSource, rule: PhiRule): string {
  if (rule.pattern !== undefined) return expandTemplate(source, rule.pattern);
  const connector = expandTemplate(source, rule.connector ?? '{{CUE_CONNECTOR}}');
  const value = expandTemplate(source, rule.value ?? '');
  return `${cuesSource(rule.cues ?? [], rule.cueCase === 'sensitive')}(?:${connector})(?<${PHI_GROUP}>${value})`;
}

function ruleFlags(rule: PhiRule): string {
  return rule.caseInsensitive ? 'dgiu' : 'dgu';
}

/** Why a template does not expand, or null when it does. */
export function describeTemplateProblem(source: TemplateSource, template: string): string | null {
  try {
    expandTemplate(source, template);
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
}

function describeGroupProblem(compiledSource: string, flags: string, rule: PhiRule): string | null {
  const probe = new RegExp(`(?:${compiledSource})|`, flags.replace(/[dg]/g, '')).exec('');
  const named = Object.keys(probe?.groups ?? {});
  const unnamed = (probe ? probe.length - 1 : 0) - named.length;
  if (unnamed > 0) return 'pattern has unnamed capturing groups; use (?:...)';
  const unknown = named.filter((name) => name !== PHI_GROUP && name !== YEAR_GROUP && !isPhiType(name));
  if (unknown.length > 0) return `named groups must be "${PHI_GROUP}", "${YEAR_GROUP}" or a PHI type, not ${unknown.join(', ')}`;
  if (named.includes(YEAR_GROUP) && rule.type !== 'DATE') return `only DATE rules have a "${YEAR_GROUP}" group`;
  if (rule.cues !== undefined && named.length > 1) return 'a cue rule value may not have named groups';
  return null;
}

/** Why a rule cannot be used (bad template, regex error, empty match, groups, backtracking risk), or null. */
export function describeRuleProblem(source: TemplateSource, rule: PhiRule): string | null {
  let compiledSource: string;
  try {
    compiledSource = ruleSource(source, rule);
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  const flags = ruleFlags(rule);
  let regex: RegExp;
  try {
    regex = new RegExp(compiledSource, flags);
  } catch (error) {
    return `pattern does not compile: ${(error as Error).message}`;
  }
  if (new RegExp(`^(?:${compiledSource})$`, flags.replace('g', '')).test('')) return 'pattern matches the empty string';
  return describeGroupProblem(regex.source, flags, rule) ?? describeBacktrackingRisk(compiledSource);
}

/** Compiles the rules of a validated pattern file. */
export function compileRules(source: TemplateSource, rules: readonly PhiRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    id: rule.id,
    type: rule.type,
    priority: rule.priority ?? (rule.cues === undefined ? 1 : 2),
    minNameTokens: rule.minNameTokens,
    regex: new RegExp(ruleSource(source, rule), ruleFlags(rule)),
  }));
}

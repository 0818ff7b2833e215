import { PHI_GROUP, YEAR_GROUP, type CompiledRule } from './compile-rules.js';
import { propagateNames, refineNameCandidate, type NameLexiconIndex } from './names.js';
import { isPhiType, type PhiSpan, type PhiType } from './phi-types.js';

/** A span some rule proposes; overlaps are settled by priority, then length. */
export interface Candidate extends PhiSpan {
  readonly priority: number;
}

/** What {@link findPhiSpans} needs besides the text. */
export interface SpanFinderSettings {
  readonly rules: readonly CompiledRule[];
  readonly names: NameLexiconIndex;
  /** Only these types are reported; all when undefined. */
  readonly types?: ReadonlySet<PhiType>;
  readonly keepYear: boolean;
  /** Years this far back or more from here reveal an age over 89 and are redacted. */
  readonly referenceYear: number;
  readonly propagateNames: boolean;
}

/** Priority of a name found only because the same word was found as a name elsewhere. */
const PROPAGATED_NAME_PRIORITY = 0;
/** Above every rule priority: spans kept in the first pass stay. */
const FOUND_PRIORITY = 10;

/** Safe Harbor keeps ages up to 89; a year this many years back or more reveals an older person. */
const YEARS_REVEALING_AGE_OVER_89 = 90;

/** A four-digit or two-digit year ("'21", "/21"); two digits mean the latest such year not after `referenceYear`. */
function parseYear(text: string, referenceYear: number): number {
  const digits = text.replace(/\D/g, '');
  if (digits.length !== 2) return Number(digits);
  const recent = 2000 + Number(digits);
  return recent <= referenceYear ? recent : recent - 100;
}

/**
 * A date's span: the part finer than the year (`phi`), or that and the year together when years
 * are dropped or this year lies so far back that it reveals an age over 89. A rule with a year and
 * no `phi` ("born in 1931") redacts only such years.
 */
function dateSpan(match: RegExpExecArray, rule: CompiledRule, settings: SpanFinderSettings): PhiSpan | null {
  const groups = match.indices?.groups ?? {};
  const [phi, year] = [groups[PHI_GROUP], groups[YEAR_GROUP]];
  const yearText = match.input.slice(year[0], year[1]);
  const dropYear =
    !settings.keepYear || settings.referenceYear - parseYear(yearText, settings.referenceYear) >= YEARS_REVEALING_AGE_OVER_89;
  if (!dropYear) return phi ? { type: rule.type, begin: phi[0], end: phi[1] } : null;
  return { type: rule.type, begin: Math.min(year[0], phi?.[0] ?? year[0]), end: Math.max(year[1], phi?.[1] ?? year[1]) };
}

/** The spans one match redacts: its typed named groups, else its date parts, else its `phi` group, else all of it. */
function spansOfMatch(match: RegExpExecArray, rule: CompiledRule, settings: SpanFinderSettings): PhiSpan[] {
  const groups = match.indices?.groups ?? {};
  const typed: PhiSpan[] = [];
  for (const [name, range] of Object.entries(groups)) {
    if (range && isPhiType(name)) typed.push({ type: name, begin: range[0], end: range[1] });
  }
  if (typed.length > 0) return typed;
  if (groups[YEAR_GROUP]) {
    const span = dateSpan(match, rule, settings);
    return span ? [span] : [];
  }
  const [begin, end] = groups[PHI_GROUP] ?? [match.index, match.index + match[0].length];
  return [{ type: rule.type, begin, end }];
}

function candidatesOfRule(text: string, rule: CompiledRule, settings: SpanFinderSettings): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(rule.regex)) {
    for (const span of spansOfMatch(match, rule, settings)) {
      if (settings.types && !settings.types.has(span.type)) continue;
      const refined = span.type === 'NAME' ? refineNameCandidate(text, span, rule.minNameTokens, settings.names) : span;
      if (refined && refined.end > refined.begin) found.push({ ...refined, type: span.type, priority: rule.priority });
    }
  }
  return found;
}

/**
 * Keeps the best of overlapping candidates: higher priority, then longer, then earlier. A loser is
 * dropped whole; rules are written so that a loser lies inside its winner (a ZIP inside an address).
 */
export function resolveOverlaps(candidates: readonly Candidate[], textLength: number): PhiSpan[] {
  const ranked = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.begin - (a.end - a.begin) || a.begin - b.begin,
  );
  const taken = new Uint8Array(textLength);
  const kept: PhiSpan[] = [];
  for (const candidate of ranked) {
    if (taken.subarray(candidate.begin, candidate.end).includes(1)) continue;
    taken.fill(1, candidate.begin, candidate.end);
    kept.push({ type: candidate.type, begin: candidate.begin, end: candidate.end });
  }
  return kept.sort((a, b) => a.begin - b.begin);
}

/** Every identifier in `text`, non-overlapping, in text order. */
export function findPhiSpans(text: string, settings: SpanFinderSettings): PhiSpan[] {
  const candidates = settings.rules.flatMap((rule) => candidatesOfRule(text, rule, settings));
  const found = resolveOverlaps(candidates, text.length);
  const wantsNames = !settings.types || settings.types.has('NAME');
  if (!settings.propagateNames || !wantsNames) return found;
  // Propagate only the names that won their overlaps, then let every found span beat the echoes.
  const names = found.filter((span) => span.type === 'NAME');
  const echoes = propagateNames(text, names, settings.names).map((span) => ({ ...span, priority: PROPAGATED_NAME_PRIORITY }));
  if (echoes.length === 0) return found;
  return resolveOverlaps([...found.map((span) => ({ ...span, priority: FOUND_PRIORITY })), ...echoes], text.length);
}

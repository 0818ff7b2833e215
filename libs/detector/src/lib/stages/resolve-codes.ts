/**
 * Turns each mention's dictionary matches into billable codes: headers narrowed by the words of
 * the mention's list item, seventh characters from encounter words, a past or a relative's condition turned
 * into its history code (Z85.3, Z80.0), and a verdict on whether the mention is coded at all.
 */
import type { Assertion } from '@icd/contracts';
import type { DetectorMention, MentionCandidates, MentionResolution, ResolvedCode } from '../detector-doc.js';
import { requireStages, withLayers } from '../detector-doc.js';
import type { CodingModel } from '../coding/coding-model.js';
import { type EntryFactsTable, entryFactsOf } from '../coding/entry-facts.js';
import { historyCodeFor } from '../coding/history-rules.js';
import type { StemContext } from '../coding/narrow-code.js';
import { wordStemIdsOf } from '../dictionary/word-stem-ids.js';
import { sortInPlace } from '../stable-sort.js';
import type { Stage } from '../stage.js';
import { ASSERT_CONTEXT_STAGE } from './assert-context.js';
import { MATCH_TERMS_STAGE } from './match-terms.js';
import { MentionContexts } from './mention-contexts.js';

export const RESOLVE_CODES_STAGE = 'resolve-codes';

/** A code chosen by default ("unspecified") rather than by the text is a little less certain. */
const DEFAULT_CHILD_FACTOR = 0.9;
/** Words split by a list separator are often two conditions that happen to spell a third. */
const CROSSES_LIST_FACTOR = 0.5;
/** A history code stands on the history cue as well as on the condition. */
const HISTORY_FACTOR = 0.85;

export const resolveCodes: Stage = (doc, deps) => {
  requireStages(doc, RESOLVE_CODES_STAGE, [MATCH_TERMS_STAGE, ASSERT_CONTEXT_STAGE]);
  const coding = deps.coding;
  if (!coding) throw new Error(`detector: stage "${RESOLVE_CODES_STAGE}" needs a coding model`);
  const contexts = new MentionContexts(doc, wordStemIdsOf(coding.dictionary), coding.dictionary.entries, coding.dictionary.standaloneStems);
  const entries = entryFactsOf(coding);
  const resolutions = doc.mentions.map((mention, index) => resolveMention(coding, entries, mention, doc.candidates[index], contexts.lazilyOf(doc.candidates[index])));
  return withLayers(doc, RESOLVE_CODES_STAGE, { resolutions });
};

/**
 * A {@link ResolvedCode} while a mention's matches are still merged into it. A class rather than
 * an object literal: drafts live as long as the document, and V8 gives a constructor's objects
 * one fixed shape and allocates them faster.
 */
class CodeDraft implements ResolvedCode {
  // Fields in the order the object literal had them, for anything that lists a resolution's keys.
  readonly code: string;
  score: number;
  rationale: string;
  matchedCode: string;
  readonly entries: number[];

  constructor(code: string, score: number, rationale: string, matchedCode: string, entry: number) {
    this.code = code;
    this.score = score;
    this.rationale = rationale;
    this.matchedCode = matchedCode;
    this.entries = [entry];
  }
}

/** A {@link MentionResolution}, as a class for the reason {@link CodeDraft} is one. */
class Resolution implements MentionResolution {
  constructor(
    readonly codes: readonly ResolvedCode[],
    readonly coded: boolean,
    readonly reason: string,
    readonly uncertainOnly: boolean,
    readonly reasonIfEstablished: string,
  ) {}
}

function resolveMention(
  coding: CodingModel,
  entries: EntryFactsTable,
  mention: DetectorMention,
  candidates: MentionCandidates,
  context: StemContext,
): MentionResolution {
  const historyKind = historyAssertion(mention.assertion);
  const drafts: CodeDraft[] = [];
  for (const match of candidates.matches) {
    const entry = entries.of(match.entry);
    if (entry.historyOnly && historyKind !== 'historical') continue;
    const narrowed = entries.narrow(entry, context);
    if (!narrowed) continue;
    let code = narrowed.code;
    let score = entry.score * (narrowed.supported ? 1 : DEFAULT_CHILD_FACTOR) * (match.crossesList && coding.dictionary.entries[match.entry].combination !== true ? CROSSES_LIST_FACTOR : 1);
    let rationale = entry.display;
    const historyCode = historyKind ? historyCodeFor(coding.historyRules, historyKind, code) : null;
    if (historyKind && historyCode) {
      rationale = `${historyKind === 'family' ? 'Family history' : 'Personal history'} of ${code} (${entry.display})`;
      code = historyCode;
      score *= HISTORY_FACTOR;
    }
    const seen = draftOf(drafts, code);
    if (!seen) {
      drafts.push(new CodeDraft(code, score, rationale, entry.dottedCode, entry.id));
      continue;
    }
    seen.entries.push(entry.id);
    if (seen.score < score) {
      seen.score = score;
      seen.rationale = rationale;
      seen.matchedCode = entry.dottedCode;
    }
  }
  const codes: readonly ResolvedCode[] = sortInPlace(drafts, byScoreDescending);
  const { coded, reason } = verdict(mention.assertion, codes, coding);
  if (reason !== UNCERTAIN.reason) return new Resolution(codes, coded, reason, false, reason);
  const established = verdict({ ...mention.assertion, uncertain: false }, codes, coding);
  return new Resolution(codes, coded, reason, established.coded, `uncertain, coded as established (inpatient): ${established.reason}`);
}

/** The draft of `code`; a mention has few, so a search of the list costs less than a map. */
function draftOf(drafts: readonly CodeDraft[], code: string): CodeDraft | undefined {
  for (const draft of drafts) if (draft.code === code) return draft;
  return undefined;
}

function byScoreDescending(a: ResolvedCode, b: ResolvedCode): number {
  return b.score - a.score;
}

/** A code the history rules hand out, or one the Index gives under "History, personal". */
function isHistoryCode(coding: CodingModel, resolved: ResolvedCode): boolean {
  return coding.historyCodes.has(resolved.code) || resolved.entries.some((id) => coding.dictionary.entries[id].historyOnly === true);
}

function historyAssertion(assertion: Assertion): 'historical' | 'family' | null {
  if (assertion.family) return 'family';
  if (assertion.historical) return 'historical';
  return null;
}

/** Whether a mention is coded, and why: a few fixed answers, shared rather than made per mention. */
interface Verdict {
  readonly coded: boolean;
  readonly reason: string;
}

const verdictOf = (coded: boolean, reason: string): Verdict => Object.freeze({ coded, reason });
const NO_CODE = verdictOf(false, 'no billable code could be resolved');
const NEGATED = verdictOf(false, 'negated');
const HYPOTHETICAL = verdictOf(false, 'hypothetical');
const UNCERTAIN = verdictOf(false, 'uncertain');
const FAMILY_HISTORY = verdictOf(true, 'family history');
const RELATIVES_CONDITION = verdictOf(false, 'a relative\'s condition without a family-history code');
const PERSONAL_HISTORY = verdictOf(true, 'personal history');
const PERSISTING_CONDITION = verdictOf(true, 'historical, coded as a persisting condition');
const AFFIRMED = verdictOf(true, 'affirmed');

/**
 * Only the patient's own, current, affirmed conditions are coded. A past condition is coded as its
 * history code where one exists, else as the condition (chronic conditions listed as history
 * persist); a relative's condition only as a family-history code. The history codes are looked up
 * only for a past or a relative's condition: a lookup keyed by code costs more than the rest.
 */
function verdict(assertion: Assertion, codes: readonly ResolvedCode[], coding: CodingModel): Verdict {
  if (codes.length === 0) return NO_CODE;
  if (assertion.negated) return NEGATED;
  if (assertion.hypothetical) return HYPOTHETICAL;
  if (assertion.uncertain) return UNCERTAIN;
  if (assertion.family) return coding.historyCodes.has(codes[0].code) ? FAMILY_HISTORY : RELATIVES_CONDITION;
  if (assertion.historical) return isHistoryCode(coding, codes[0]) ? PERSONAL_HISTORY : PERSISTING_CONDITION;
  return AFFIRMED;
}

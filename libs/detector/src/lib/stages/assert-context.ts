/**
 * ConText (Chapman et al.) over the mentions already on the doc. Trigger phrases are found in the
 * sentences that hold mentions; each trigger reaches forward, backward or both over a window of
 * tokens, cut short by the sentence end, by a terminator ("but", "however") and by the next
 * trigger of its own category; every mention its reach overlaps takes its category. A section can
 * add a category to all its mentions (FAMILY in a family history).
 */
import type { AssertionCue, DetectorDoc, Sentence, TextRange } from '../detector-doc.js';
import { requireStages, withLayers } from '../detector-doc.js';
import { lastRangeStartingAtOrBefore, rangesOverlap, sectionCategoryAt, sentenceAt } from '../doc-queries.js';
import { assertionFromCues } from '../mentions.js';
import type { CompiledContextRule, ContextRules } from '../rules/context-rules.js';
import type { Stage } from '../stage.js';
import { SECTIONIZE_STAGE } from './sectionize.js';
import { TOKENIZE_STAGE } from './tokenize.js';

/** Name the assert-context stage records in `doc.completedStages`. */
export const ASSERT_CONTEXT_STAGE = 'assert-context';

/** A trigger phrase found in a sentence. */
export interface ContextTrigger extends TextRange {
  readonly rule: CompiledContextRule;
}

type ScopeDoc = Pick<DetectorDoc, 'tokens'>;

function reaches(rule: CompiledContextRule): boolean {
  return rule.direction === 'FORWARD' || rule.direction === 'BACKWARD' || rule.direction === 'BIDIRECTIONAL';
}

/** True when `other` ends the reach of `trigger`: a terminator, or another trigger of the same category. */
function stopsReach(trigger: ContextTrigger, other: ContextTrigger): boolean {
  return other.rule.direction === 'TERMINATE' || (reaches(other.rule) && other.rule.category === trigger.rule.category);
}

/** End of the forward reach: `maxScope` tokens other than punctuation, or the sentence end. */
function forwardEnd(doc: ScopeDoc, sentence: Sentence, from: number, maxScope: number): number {
  let index = lastRangeStartingAtOrBefore(doc.tokens, from);
  if (index < sentence.tokenBegin || doc.tokens[index].end <= from) index += 1;
  let counted = 0;
  let end = from;
  for (; index < sentence.tokenEnd && counted < maxScope; index += 1) {
    const token = doc.tokens[index];
    if (token.kind !== 'punctuation') counted += 1;
    end = token.end;
  }
  return index >= sentence.tokenEnd ? sentence.end : end;
}

/** Start of the backward reach: `maxScope` tokens other than punctuation, or the sentence start. */
function backwardBegin(doc: ScopeDoc, sentence: Sentence, to: number, maxScope: number): number {
  let index = lastRangeStartingAtOrBefore(doc.tokens, to - 1);
  if (index >= 0 && doc.tokens[index].begin >= to) index -= 1;
  let counted = 0;
  let begin = to;
  for (; index >= sentence.tokenBegin && counted < maxScope; index -= 1) {
    const token = doc.tokens[index];
    if (token.kind !== 'punctuation') counted += 1;
    begin = token.begin;
  }
  return index < sentence.tokenBegin ? sentence.begin : begin;
}

/**
 * The span of text `triggers[i]` reaches, or null for terminators and pseudo-triggers.
 * `triggers` are those of one sentence, in text order.
 */
export function scopeOfTrigger(doc: ScopeDoc, sentence: Sentence, triggers: readonly ContextTrigger[], i: number): TextRange | null {
  const trigger = triggers[i];
  const { direction, maxScope } = trigger.rule;
  if (!reaches(trigger.rule)) return null;
  let begin = trigger.begin;
  let end = trigger.end;
  if (direction !== 'BACKWARD') {
    end = forwardEnd(doc, sentence, trigger.end, maxScope);
    for (let j = i + 1; j < triggers.length && triggers[j].begin < end; j += 1) {
      if (stopsReach(trigger, triggers[j])) end = triggers[j].begin;
    }
  }
  if (direction !== 'FORWARD') {
    begin = backwardBegin(doc, sentence, trigger.begin, maxScope);
    for (let j = i - 1; j >= 0 && triggers[j].end > begin; j -= 1) {
      if (stopsReach(trigger, triggers[j])) begin = triggers[j].end;
    }
  }
  return { begin, end };
}

/** Trigger phrases within `sentence`, in text order, longest first where they would overlap. */
export function findTriggers(text: string, sentence: TextRange, rules: ContextRules): ContextTrigger[] {
  return rules.triggers.matchAll(text, sentence.begin, sentence.end).map(({ begin, end, value }) => ({ begin, end, rule: value }));
}

/**
 * A trigger that starts before a mention and runs into it ("no history of" before the title
 * "History of falling") speaks about it with its first words, so it applies; see `cuesInSentence`.
 *
 * A trigger inside a mention's span that none of its matched words carries sits in a gap the
 * matcher bridged ("lower limbs had no edema"), so it speaks about the mention; one that is a
 * word of the term ("reflux without esophagitis") does not.
 */
function inGapOfMention(doc: DetectorDoc, m: number, trigger: TextRange): boolean {
  const mention = doc.mentions[m];
  if (trigger.begin <= mention.begin || trigger.end >= mention.end) return false;
  for (const match of doc.candidates[m]?.matches ?? []) {
    for (const t of match.tokens) if (rangesOverlap(doc.tokens[t], trigger)) return false;
  }
  return true;
}

/** Whether `trigger` lies within one of the mentions as matched words of its term, not in a gap of it nor reaching out of it. */
function isWordOfSomeTerm(doc: DetectorDoc, mentionIndexes: readonly number[], trigger: TextRange): boolean {
  for (const m of mentionIndexes) {
    const mention = doc.mentions[m];
    if (trigger.begin >= mention.begin && trigger.end <= mention.end && !inGapOfMention(doc, m, trigger)) return true;
  }
  return false;
}

/** `scope` cut at the commas and semicolons nearest `trigger` on either side. */
function withinListItem(doc: DetectorDoc, sentence: Sentence, trigger: TextRange, scope: TextRange): TextRange {
  let { begin, end } = scope;
  for (let index = sentence.tokenBegin; index < sentence.tokenEnd; index += 1) {
    const token = doc.tokens[index];
    if (token.text !== ',' && token.text !== ';') continue;
    if (token.end <= trigger.begin) begin = Math.max(begin, token.end);
    else if (token.begin >= trigger.end) {
      end = Math.min(end, token.begin);
      break;
    }
  }
  return { begin, end };
}

/** Cues from triggers, per mention index, for the mentions in one sentence. */
function cuesInSentence(doc: DetectorDoc, sentence: Sentence, mentionIndexes: readonly number[], rules: ContextRules) {
  const triggers = findTriggers(doc.text, sentence, rules);
  const cues = new Map<number, AssertionCue[]>();
  triggers.forEach((trigger, i) => {
    const reach = scopeOfTrigger(doc, sentence, triggers, i);
    if (!reach || trigger.rule.category === undefined) return;
    // A word of a term's own name ("... recurrent severe without psychotic features") reaches no
    // further than its list item: "..., and generalized anxiety disorder" after it is affirmed,
    // while "stroke without residual deficits or hemiparesis" denies the hemiparesis too.
    const scope = isWordOfSomeTerm(doc, mentionIndexes, trigger) ? withinListItem(doc, sentence, trigger, reach) : reach;
    for (const m of mentionIndexes) {
      const mention = doc.mentions[m];
      if (!rangesOverlap(mention, scope) || (rangesOverlap(mention, trigger) && trigger.begin >= mention.begin && !inGapOfMention(doc, m, trigger))) continue;
      const cue: AssertionCue = { source: 'trigger', category: trigger.rule.category, literal: trigger.rule.literal, begin: trigger.begin, end: trigger.end };
      const list = cues.get(m);
      if (list) list.push(cue);
      else cues.set(m, [cue]);
    }
  });
  return cues;
}

/** Mention indexes grouped by the sentence their first character is in; mentions between sentences are left out. */
function mentionsBySentence(doc: DetectorDoc): Map<number, number[]> {
  const bySentence = new Map<number, number[]>();
  doc.mentions.forEach((mention, m) => {
    const sentence = sentenceAt(doc, mention.begin);
    if (!sentence) return;
    const list = bySentence.get(sentence.index);
    if (list) list.push(m);
    else bySentence.set(sentence.index, [m]);
  });
  return bySentence;
}

function sectionCues(section: string | null, rules: ContextRules): AssertionCue[] {
  if (section === null) return [];
  return (rules.sectionDefaults.get(section) ?? []).map((category) => ({ source: 'section', category, section }));
}

/** Stage: sets `assertion` and `assertionCues` on every mention. Needs tokenize and sectionize. */
export const assertContext: Stage = (doc: DetectorDoc, deps) => {
  requireStages(doc, ASSERT_CONTEXT_STAGE, [TOKENIZE_STAGE, SECTIONIZE_STAGE]);
  const rules = deps.rules.context;
  const triggerCues = new Map<number, AssertionCue[]>();
  for (const [sentenceIndex, mentionIndexes] of mentionsBySentence(doc)) {
    for (const [m, cues] of cuesInSentence(doc, doc.sentences[sentenceIndex], mentionIndexes, rules)) triggerCues.set(m, cues);
  }
  const mentions = doc.mentions.map((mention, m) => {
    // Recomputed: a mention built before sectionize ran would carry no section.
    const section = sectionCategoryAt(doc, mention.begin);
    const fromSection = sectionCues(section, rules);
    // The trigger cues are this mention's own list: no copy where the section adds nothing.
    const assertionCues = fromSection.length === 0 ? (triggerCues.get(m) ?? []) : [...(triggerCues.get(m) ?? []), ...fromSection];
    return { ...mention, section, assertion: assertionFromCues(assertionCues), assertionCues };
  });
  return withLayers(doc, ASSERT_CONTEXT_STAGE, { mentions });
};

/**
 * What some Index subterms mean beyond their words: the operations under "Status (post)", the
 * causes under "in (due to)", and the allergy statuses and past conditions under "History,
 * personal".
 */
import type { CompiledTerminology } from '@icd/terminology';
import { contentStems } from './stems.js';
import type { EntryDraft } from './term-dictionary.js';

/** The stems of the Index's "Status (post)", which a note writes as "history of" as often. */
const STATUS_STEMS = new Set(contentStems('status'));
/**
 * Status codes a past operation leaves for good: acquired absence (Z90.-), transplanted organs
 * (Z94.-), grafts and implants (Z95.-, Z96.-), other postprocedural states (Z98.-), and
 * postprocedural endocrine states (E89.-). Not a dependence on dialysis or another machine (Z99.-)
 * nor an artificial opening (Z93.-): a past one may have ended. Nor an angioplasty (Z98.6-): the
 * Index reads "angioplasty" alone as a peripheral one (Z98.62) and the coronary one only as
 * "coronary artery angioplasty", so "history of coronary angioplasty" would read as peripheral.
 */
const PAST_PROCEDURE_STATUS = /^(?:Z9[0456]|Z98(?!6)|E89)/;

/** A term under the Index's main term "Status" whose code is the status a past operation leaves ("Status, aortocoronary bypass" Z95.1). */
export function isPastProcedureStatus(model: CompiledTerminology, termId: number, code: string): boolean {
  if (!PAST_PROCEDURE_STATUS.test(code)) return false;
  let id = termId;
  while (model.indexTerms[id].parent >= 0) id = model.indexTerms[id].parent;
  return id !== termId && model.indexTerms[id].title === 'Status';
}

/**
 * "History of CABG" names the status as well as "status post CABG" does: the operation's own
 * words, read only in a mention that assertion finds past, as the Index's "History, personal"
 * entries are.
 */
export function pastProcedureDrafts(variants: readonly string[][], code: string, display: string, prior: number): EntryDraft[] {
  return variants
    .map((stems) => stems.filter((stem) => !STATUS_STEMS.has(stem)))
    .filter((stems) => stems.length > 0)
    .map((stems) => ({ stems, code, source: 'index' as const, display, prior, historyOnly: true }));
}

/** A subterm that lists the causes of its parent: "Dementia, in (due to)". */
const CAUSE_SUBTERM = /^(?:in|due to)$/i;
const WITH_OR_WITHOUT = /^with(?:out)?\b/i;

/**
 * A "with" subterm set directly under "in (due to)", where a cause belongs ("Dementia, in, with
 * behavioral disturbance" G31.83, which the Index lists beside its causes): its path names no
 * cause, only the words of "Dementia, with, behavioral disturbance" (F03.91), and would read them
 * as another code.
 */
export function namesNoCause(model: CompiledTerminology, term: CompiledTerminology['indexTerms'][number]): boolean {
  return term.parent >= 0 && WITH_OR_WITHOUT.test(term.title) && CAUSE_SUBTERM.test(model.indexTerms[term.parent].title.trim());
}

/**
 * Codes the classification calls an allergy status ("Allergy status to penicillin", "Latex
 * allergy status"), which the Index files under "History, personal, allergy". An allergy is the
 * patient's current state, not a past event: "allergic to penicillin" is Z88.0 as much as "history
 * of allergy to penicillin" is.
 */
export function allergyStatusCodes(model: CompiledTerminology): Set<string> {
  return new Set(model.codes.filter((code) => ALLERGY_STATUS.test(code.longTitle)).map((code) => code.code));
}

const ALLERGY_STATUS = /\ballergy status\b/i;

/** An allergy status entry must name the allergen besides the allergy: "allergy" alone ("seasonal allergy") is no drug allergy. */
export const MIN_ALLERGY_STATUS_STEMS = 2;

/** The Index's "History, personal (of)": what follows is a past condition or treatment of the patient's own. */
export function isPersonalHistory(model: CompiledTerminology, termId: number): boolean {
  const { parent, title } = model.indexTerms[termId];
  return parent >= 0 && model.indexTerms[parent].parent < 0 && model.indexTerms[parent].title === 'History' && title === 'personal';
}

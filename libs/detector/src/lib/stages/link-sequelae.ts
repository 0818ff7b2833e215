/**
 * Codes a deficit that a note ties to a past cerebrovascular event as that event's sequela
 * (guidelines I.C.9.d): in "history of stroke with residual right hemiparesis" the hemiparesis is
 * I69.351 and the stroke is coded by it, not as Z86.73. The tie is read inside one sentence, from
 * cue words between the two (`sequela-links.en.json`); everything else keeps what resolve-codes
 * decided.
 */
import type { DetectorDoc, DetectorMention, MentionResolution, ResolvedCode, Sentence, TextRange } from '../detector-doc.js';
import { requireStages, withLayers } from '../detector-doc.js';
import { sentenceAt } from '../doc-queries.js';
import { assertionFromCues } from '../mentions.js';
import { type SequelaLinks, sequelaCategoryOf, sequelaCodeFor } from '../coding/sequela-links.js';
import type { Stage } from '../stage.js';
import { RESOLVE_CODES_STAGE } from './resolve-codes.js';

export const LINK_SEQUELAE_STAGE = 'link-sequelae';

/** How many tokens before the first of the two a cue may stand: "residual right hemiparesis from a stroke". */
const CUE_LEAD_TOKENS = 3;

const SEQUELA_REASON = 'residual of a past cerebrovascular event, coded as its sequela (guidelines I.C.9.d)';
const EVENT_REASON = 'a past cerebrovascular event with residual deficits is coded by their sequela codes (I69.-), not as history (guidelines I.C.9.d)';

/** A cerebrovascular event of a sentence: a mention, or a word such as "post-stroke". */
interface EventSite {
  readonly begin: number;
  readonly end: number;
  readonly sequelaCategory: string;
  readonly eventCode: string;
  readonly past: boolean;
  /** The cue is the word itself. */
  readonly cueInWord: boolean;
  readonly mention: number | null;
}

interface Deficit {
  readonly mention: number;
  readonly code: ResolvedCode;
}

export const linkSequelae: Stage = (doc, deps) => {
  requireStages(doc, LINK_SEQUELAE_STAGE, [RESOLVE_CODES_STAGE]);
  const links = deps.coding?.sequelaLinks;
  if (!links) throw new Error(`detector: stage "${LINK_SEQUELAE_STAGE}" needs a coding model`);
  const deficits = findDeficits(doc, links);
  // Nearly every note names no deficit the rules know: it costs one look at each mention.
  if (deficits.length === 0) return withLayers(doc, LINK_SEQUELAE_STAGE, {});
  const resolutions = [...doc.resolutions];
  const mentions = [...doc.mentions];
  const linked = { categories: new Set<string>(), events: new Set<number>() };
  // A sentence's events are read once, however many of its mentions are deficits.
  const eventsBySentence = new Map<number, EventSite[]>();
  for (const deficit of deficits) {
    const sentence = sentenceAt(doc, doc.mentions[deficit.mention].begin);
    if (sentence && !eventsBySentence.has(sentence.index)) eventsBySentence.set(sentence.index, eventsIn(doc, links, sentence));
    const event = sentence ? tiedEvent(doc, links, sentence, eventsBySentence.get(sentence.index) ?? [], doc.mentions[deficit.mention]) : null;
    const code = event ? sequelaCodeFor(links, event.sequelaCategory, deficit.code.code) : null;
    if (!event || !code) continue;
    resolutions[deficit.mention] = sequelaResolution(links, code, event, deficit);
    mentions[deficit.mention] = presentNow(mentions[deficit.mention]);
    linked.categories.add(event.sequelaCategory);
    if (event.mention !== null) linked.events.add(event.mention);
  }
  if (linked.categories.size === 0) return withLayers(doc, LINK_SEQUELAE_STAGE, {});
  // The event, and every past event of its kind (Z86.73 is for an event without residuals), is
  // coded by the sequelae; a current event of the note keeps its code.
  doc.resolutions.forEach((resolution, index) => {
    const top = resolution.codes[0];
    if (!top || !resolution.coded || resolutions[index] !== resolution) return;
    const category = sequelaCategoryOf(links, top.matchedCode);
    const pastOfKind = category !== null && linked.categories.has(category) && doc.mentions[index].assertion.historical;
    if (linked.events.has(index) || pastOfKind) resolutions[index] = { ...resolution, coded: false, reason: EVENT_REASON, uncertainOnly: false, reasonIfEstablished: EVENT_REASON };
  });
  return withLayers(doc, LINK_SEQUELAE_STAGE, { mentions, resolutions });
};

/**
 * A residual deficit is present now, though a history cue in front of its event reaches it
 * ("history of stroke with residual hemiparesis"): the cue is the event's.
 */
function presentNow(mention: DetectorMention): DetectorMention {
  if (!mention.assertion.historical) return mention;
  const assertionCues = mention.assertionCues.filter((cue) => cue.category !== 'HISTORICAL');
  return { ...mention, assertion: assertionFromCues(assertionCues), assertionCues };
}

function isAsserted(mention: DetectorMention): boolean {
  const { negated, hypothetical, family, uncertain } = mention.assertion;
  return !negated && !hypothetical && !family && !uncertain;
}

/** Mentions whose codes name a deficit the rules know, with that code. */
function findDeficits(doc: DetectorDoc, links: SequelaLinks): Deficit[] {
  const deficits: Deficit[] = [];
  for (let index = 0; index < doc.mentions.length; index += 1) {
    for (const code of doc.resolutions[index].codes) {
      if (!links.deficits.has(code.code)) continue;
      if (isAsserted(doc.mentions[index])) deficits.push({ mention: index, code });
      break;
    }
  }
  return deficits;
}

/** The nearest event of `sentence` that a cue ties `deficit` to, or null. */
function tiedEvent(doc: DetectorDoc, links: SequelaLinks, sentence: Sentence, events: readonly EventSite[], deficit: DetectorMention): EventSite | null {
  const nearestFirst = [...events].sort((a, b) => distance(a, deficit) - distance(b, deficit));
  return nearestFirst.find((event) => isTied(doc, links, sentence, event, deficit)) ?? null;
}

function distance(event: EventSite, deficit: DetectorMention): number {
  return event.end <= deficit.begin ? deficit.begin - event.end : event.begin - deficit.end;
}

function eventsIn(doc: DetectorDoc, links: SequelaLinks, sentence: Sentence): EventSite[] {
  const events: EventSite[] = [];
  doc.mentions.forEach((mention, index) => {
    const top = doc.resolutions[index].codes[0];
    if (mention.begin < sentence.begin || mention.end > sentence.end || !top || !isAsserted(mention)) return;
    const sequelaCategory = sequelaCategoryOf(links, top.matchedCode);
    if (sequelaCategory === null) return;
    events.push({ begin: mention.begin, end: mention.end, sequelaCategory, eventCode: top.matchedCode, past: mention.assertion.historical, cueInWord: false, mention: index });
  });
  for (let token = sentence.tokenBegin; token < sentence.tokenEnd; token += 1) {
    const { begin, end, normal } = doc.tokens[token];
    const eventCode = links.combinedWords.get(normal);
    const sequelaCategory = eventCode === undefined ? null : sequelaCategoryOf(links, eventCode);
    if (eventCode !== undefined && sequelaCategory !== null) events.push({ begin, end, sequelaCategory, eventCode, past: true, cueInWord: true, mention: null });
  }
  return events;
}

/**
 * Whether a cue ties `deficit` to `event`: between the two, or among the few words just before
 * the first of them, with no blocking word ("new", "acute") there.
 */
function isTied(doc: DetectorDoc, links: SequelaLinks, sentence: Sentence, event: EventSite, deficit: DetectorMention): boolean {
  const first = event.begin < deficit.begin ? event : deficit;
  const second = first === event ? deficit : event;
  const cues = [...links.cues.matchAll(doc.text, leadBegin(doc, sentence, first), first.begin), ...links.cues.matchAll(doc.text, first.end, second.begin)].map((cue) => cue.value);
  if (cues.includes('blocking')) return false;
  if (event.cueInWord || cues.includes('sequela')) return true;
  return event.past && cues.includes('cause');
}

/** Where the {@link CUE_LEAD_TOKENS} tokens of `sentence` before `first` begin. */
function leadBegin(doc: DetectorDoc, sentence: Sentence, first: TextRange): number {
  let token = sentence.tokenBegin;
  while (token < sentence.tokenEnd && doc.tokens[token].end <= first.begin) token += 1;
  return doc.tokens[Math.max(sentence.tokenBegin, token - CUE_LEAD_TOKENS)]?.begin ?? first.begin;
}

/** The deficit's resolution once it is coded as a sequela: the I69 code, and the deficit's own code where the I69 code asks for it. */
function sequelaResolution(links: SequelaLinks, code: string, event: EventSite, deficit: Deficit): MentionResolution {
  const sequela: ResolvedCode = {
    code,
    score: deficit.code.score,
    rationale: `Sequelae (of) ${event.eventCode}: ${deficit.code.rationale}`,
    matchedCode: deficit.code.matchedCode,
    entries: deficit.code.entries,
  };
  const codes = links.keepDeficitCode.has(deficit.code.code) ? [sequela, deficit.code] : [sequela];
  return { codes, coded: true, reason: SEQUELA_REASON, uncertainOnly: false, reasonIfEstablished: SEQUELA_REASON };
}

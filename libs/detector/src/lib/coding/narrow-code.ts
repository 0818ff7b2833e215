import type { CodeSummary, Terminology } from '@icd/terminology';
import { contentStems } from '../dictionary/stems.js';
import { createCodeSummaries } from './code-summaries.js';
import { dominanceSiblings, withSideDominance } from './side-dominance.js';
import { VAGUE_STEMS, defaultChild, isEncounterSeventhCharacter, statedTitle } from './default-child.js';

/** Seventh characters named by encounter words in the sentence; initial encounter otherwise. */
const ENCOUNTER_CUES: { stems: string[]; char: string }[] = [
  { stems: ['sequela', 'sequelae', 'late'].map((word) => contentStems(word)[0]), char: 'S' },
  { stems: ['subsequent', 'follow', 'healing'].map((word) => contentStems(word)[0]), char: 'D' },
];

/** Every stem that picks a seventh character: read anywhere in the sentence ("fracture of the radius, subsequent encounter"). */
export const SEVENTH_CHARACTER_CUE_STEMS: ReadonlySet<string> = new Set(ENCOUNTER_CUES.flatMap((cue) => cue.stems));


/**
 * Numbers, units of time and "patient" that a child adds ("of 6 hours to 24 hours", "with patient
 * surviving") cannot pick it alone: "the patient died 24 hours after a brain injury" says nothing
 * of consciousness.
 */
const UNTELLING_STEMS = new Set(contentStems('hour hours minute minutes day days week weeks month months year years patient'));
const NUMBER = /^\d+$/;

function tellsNothingAlone(stem: string): boolean {
  return NUMBER.test(stem) || UNTELLING_STEMS.has(stem);
}

/** The stems of the text around a mention, as narrowing reads them: a set of stems will do. */
export interface StemContext {
  has(stem: string): boolean;
  /**
   * Whether the mention's matches read `stem`, from the text or from what a synonym or an
   * abbreviation stands for. Weaker than {@link has}: it only breaks a tie the text's own words
   * leave, as the matched words repeat the condition's own ("brain injury") and would otherwise
   * pick a child that only repeats them ("... with death due to brain injury").
   */
  matched?(stem: string): boolean;
}

/** What choosing among a header's children needs that does not depend on the text, worked out once per header. */
interface ChildChoice {
  children: readonly CodeSummary[];
  /** Every child is a seventh-character code. */
  bySeventhCharacter: boolean;
  /** Each child's title stems other than vague ones, and those of them its parent's title lacks that can tell it apart on their own. */
  childStems: readonly (readonly string[])[];
  tellingStems: readonly (readonly string[])[];
  fallback: string | null;
  /** Where {@link fallback} is among the children; -1 when it is further down. */
  fallbackIndex: number;
  /** Each child's stems that its parent's title has too: which part of the parent the child keeps. */
  keptStems: readonly (readonly string[])[];
  /** Each child's sibling of the other dominance, for children that name a dominant or non-dominant side; null when none does. */
  dominanceSiblings: Int32Array | null;
}

/**
 * A code on the way down from a header. Each node keeps its children's nodes once narrowing has
 * gone there, so that a walk down reads no cache keyed by code: those lookups, not the choices,
 * were most of what narrowing cost.
 */
interface CodeNode {
  readonly summary: CodeSummary | null;
  /** Null until narrowing first leaves this code. */
  choice: ChildChoice | null;
  /** By child index; the default child's node last. Filled in as narrowing takes them. */
  readonly next: (CodeNode | undefined)[];
}

/** The default child, in {@link ChildStep.child}. */
const DEFAULT_CHILD = -1;

/** A step down: the index of a child in {@link ChildChoice.children}, or {@link DEFAULT_CHILD}. */
interface ChildStep {
  child: number;
  supported: boolean;
}

/** The seventh character the context's encounter words name, 'A' (initial encounter) when none does. */
function encounterCharacter(context: StemContext): string {
  for (const cue of ENCOUNTER_CUES) {
    for (const stem of cue.stems) if (context.has(stem)) return cue.char;
  }
  return 'A';
}

function seventhCharacterStep(children: readonly CodeSummary[], context: StemContext): ChildStep {
  const char = encounterCharacter(context);
  let chosen = 0;
  while (chosen < children.length && !children[chosen].code.endsWith(char)) chosen += 1;
  return { child: chosen < children.length ? chosen : 0, supported: char !== 'A' };
}

function someIn(stems: readonly string[], context: StemContext): boolean {
  for (const stem of stems) if (context.has(stem)) return true;
  return false;
}

function countIn(stems: readonly string[], context: StemContext): number {
  let count = 0;
  for (const stem of stems) if (context.has(stem)) count += 1;
  return count;
}

/** {@link countIn}, counting what the mention's matches read too. */
function countReadIn(stems: readonly string[], context: StemContext): number {
  let count = 0;
  for (const stem of stems) if (context.has(stem) || context.matched?.(stem) === true) count += 1;
  return count;
}

/** The child of a header the context supports best, else its default child (unsupported); null for a code without children. */
function chooseChild(choice: ChildChoice, context: StemContext): ChildStep | null {
  const { children, bySeventhCharacter, childStems, tellingStems, fallback } = choice;
  if (children.length === 0) return null;
  if (bySeventhCharacter) return seventhCharacterStep(children, context);
  let best = -1;
  let bestFit = -1;
  let bestConfirmed = 0;
  for (let index = 0; index < children.length; index += 1) {
    if (!someIn(tellingStems[index], context)) continue;
    // Share of the child's words the sentence confirms: "left radius" beats "left ulna" for "left
    // radius fracture". Of two that share as much, the one more words confirm: "left ear" is
    // H66.92's "left ear", not only H66.90's "unspecified ear".
    const stems = childStems[index];
    const confirmed = countIn(stems, context);
    const fit = confirmed / Math.max(1, stems.length);
    if (fit > bestFit || (fit === bestFit && confirmed > bestConfirmed)) {
      best = index;
      bestFit = fit;
      bestConfirmed = confirmed;
    }
  }
  if (best >= 0) return { child: withSideDominance(children, choice.dominanceSiblings, best, context), supported: true };
  const readMore = childReadingMore(choice, context);
  if (readMore >= 0) return { child: readMore, supported: false };
  return fallback ? { child: DEFAULT_CHILD, supported: false } : null;
}

/**
 * Where no child adds a word the text confirms, the child that keeps more of its parent's words
 * the text reads than the default does, if one alone does. A parent that joins two conditions
 * has a child for each: "Nonspecific elevation of levels of transaminase and lactic acid
 * dehydrogenase" is R74.01 for transaminases, R74.02 for LDH, and "elevated transaminases" reads
 * the first ("hypertransaminasemia", through what it stands for). Words a child adds do not
 * count: the matched words may only repeat the condition's ("brain injury" is no "death due to
 * brain injury"). -1 when the default reads as much.
 */
function childReadingMore(choice: ChildChoice, context: StemContext): number {
  const { keptStems, fallbackIndex } = choice;
  let floor = fallbackIndex >= 0 ? countReadIn(keptStems[fallbackIndex], context) : 0;
  let best = -1;
  let tied = false;
  for (let index = 0; index < keptStems.length; index += 1) {
    const read = countReadIn(keptStems[index], context);
    if (read > floor) {
      floor = read;
      best = index;
      tied = false;
    } else if (read === floor && best >= 0) {
      tied = true;
    }
  }
  return tied ? -1 : best;
}

export interface NarrowedCode {
  /** Dotted billable code. */
  code: string;
  /** True when every step was chosen by words of the text rather than by default. */
  supported: boolean;
}

/**
 * Narrows a header to the billable code the sentence supports: at each level, the child whose
 * title adds the most words found in the sentence (laterality, site, type, acuity), else the
 * classification's default (the "unspecified" child); seventh characters from encounter words.
 */
export function createCodeNarrower(terminology: Terminology, summaryOf = createCodeSummaries(terminology)) {
  const titleStems = new Map<string, Set<string>>();
  const stemsOfTitle = (code: string): Set<string> => {
    let stems = titleStems.get(code);
    if (!stems) {
      stems = new Set(contentStems(statedTitle(summaryOf(code)?.title ?? '')));
      titleStems.set(code, stems);
    }
    return stems;
  };

  const choices = new Map<string, ChildChoice>();
  const choiceFor = (parent: string): ChildChoice => {
    let choice = choices.get(parent);
    if (!choice) {
      const children = terminology.children(parent);
      const parentStems = stemsOfTitle(parent);
      const childStems = children.map((child) => [...stemsOfTitle(child.code)].filter((stem) => !VAGUE_STEMS.has(stem)));
      const fallback = children.length === 0 ? null : (defaultChild(parent, children, stemsOfTitle) ?? terminology.resolveBillable(parent)?.steps[0]?.to ?? null);
      choice = {
        children,
        bySeventhCharacter: isEncounterSeventhCharacter(children),
        childStems,
        tellingStems: childStems.map((stems) => stems.filter((stem) => !parentStems.has(stem) && !tellsNothingAlone(stem))),
        fallback,
        fallbackIndex: children.findIndex((child) => child.code === fallback),
        keptStems: childStems.map((stems) => stems.filter((stem) => parentStems.has(stem))),
        dominanceSiblings: dominanceSiblings(children),
      };
      choices.set(parent, choice);
    }
    return choice;
  };

  const nodes = new Map<string, CodeNode>();
  const nodeOf = (code: string): CodeNode => {
    let node = nodes.get(code);
    if (!node) {
      node = { summary: summaryOf(code), choice: null, next: [] };
      nodes.set(code, node);
    }
    return node;
  };

  /** Where `step` leads from `node`, remembered on `node`. */
  const stepFrom = (node: CodeNode, choice: ChildChoice, step: ChildStep): CodeNode => {
    if (step.child === DEFAULT_CHILD) return (node.next[choice.children.length] ??= nodeOf(choice.fallback as string));
    return (node.next[step.child] ??= nodeOf(choice.children[step.child].code));
  };

  /** Narrows from a code's node, as {@link narrowingStart} gives it. */
  const narrowFrom = (start: NarrowingStart, context: StemContext): NarrowedCode | null => {
    let current = start as CodeNode;
    let supported = true;
    for (let depth = 0; current.summary && !current.summary.billable && depth < 6; depth += 1) {
      const choice = (current.choice ??= choiceFor(current.summary.code));
      const step = chooseChild(choice, context);
      if (!step) return null;
      supported &&= step.supported;
      current = stepFrom(current, choice, step);
    }
    return current.summary?.billable ? { code: current.summary.code, supported } : null;
  };

  const narrow = (code: string, context: StemContext): NarrowedCode | null => narrowFrom(nodeOf(code), context);
  // The start is kept by a caller that narrows the same code again (one per dictionary entry):
  // it spares the lookup keyed by code, the one narrowing step that reads memory of its own.
  return Object.assign(narrow, { narrowingStart: (code: string): NarrowingStart => nodeOf(code), narrowFrom });
}

/** Where narrowing a code starts: the code's node, opaque outside the narrower. */
export interface NarrowingStart {
  readonly summary: CodeSummary | null;
}

export type CodeNarrower = ReturnType<typeof createCodeNarrower>;

/**
 * {@link CodeNarrower} for dictionary entries, by entry id. An entry whose code is billable
 * already narrows to itself whatever the text says: most matches do, and that answer is kept in an
 * array by entry id, which is read faster than the caches keyed by code that narrowing goes through.
 */
export function createEntryNarrower(entries: readonly { readonly code: string }[], narrow: CodeNarrower, summaryOf: (code: string) => CodeSummary | null) {
  /** The entry's code as it is where it is billable; null where the text decides; undefined until asked. */
  const asIs = new Array<NarrowedCode | null | undefined>(entries.length);
  return function narrowEntry(entryId: number, context: StemContext): NarrowedCode | null {
    let answer = asIs[entryId];
    if (answer === undefined) {
      const summary = summaryOf(entries[entryId].code);
      answer = summary?.billable ? Object.freeze({ code: summary.code, supported: true }) : null;
      asIs[entryId] = answer;
    }
    return answer ?? narrow(entries[entryId].code, context);
  };
}

export type EntryNarrower = ReturnType<typeof createEntryNarrower>;

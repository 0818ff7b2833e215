/**
 * Index paths reached through a "see" reference, named with the referring term's words. The
 * Index writes "Choledocholithiasis - see Calculus, bile duct", so a coder reading
 * "choledocholithiasis with acute cholangitis" follows "Calculus, bile duct, with, cholangitis,
 * acute" to K80.32, and "Ulcer, heel - see Ulcer, lower limb" takes "ulcer of left heel" to
 * "Ulcer, lower limb, heel, left" (L97.429); the dictionary gives those paths the note's words.
 */
import type { CompiledTerminology } from '@icd/terminology';
import { contentStems } from './stems.js';
import type { EntryDraft } from './term-dictionary.js';

/** A target with more coded subterms than this is a broad chapter of the Index ("see Disease, by site"), not one condition's variants. */
const MAX_TARGET_SUBTERMS = 60;

/** How far below the target a subterm may lie: deeper ones add more words than a note puts beside the referring term. */
const MAX_SUBTERM_DEPTH = 3;

/** A subterm that starts with "with": the Index's way of linking two conditions in one code. */
export const WITH_SUBTERM = /^with\b/i;

/** An Index title for what the classification codes nowhere more specific: "Escherichia coli NEC". */
export const NOT_ELSEWHERE_CLASSIFIED = /\bNEC\b/;

interface Subterm {
  readonly id: number;
  /** Titles from just below the target down to this subterm. */
  readonly titles: readonly string[];
}

/**
 * Drafts for the coded subterms under each "see" target, with the referring path's stems in
 * place of the target's: its "with" subterms, or, where the referring subterm's own title names a
 * child of the target, every coded subterm of that child. `pathVariants[id]` are the stem sets
 * of Index term `id`'s own path.
 */
export function seeReferenceEntries(
  model: CompiledTerminology,
  pathVariants: readonly (readonly string[][] | undefined)[],
  prior: number,
  historyOnlyTerms: readonly boolean[] = [],
): EntryDraft[] {
  const terms = model.indexTerms;
  const children = childrenOf(model);
  const parts = new TitleParts(model);
  const mainTerms = mainTermsByWord(model, parts);
  const subtermsOf = new Map<number, Subterm[] | null>();
  const drafts: EntryDraft[] = [];
  terms.forEach((term, termId) => {
    if (term.source !== 'index' || term.code || !term.see) return;
    const target = resolveReference(term.see, mainTermOf(terms, termId), mainTerms, children, parts);
    if (target === null) return;
    // "Ulcer, heel - see Ulcer, lower limb": the coder looks for "heel" under the target, and every variant there is the referring term's.
    const named = term.parent >= 0 ? targetOrChildNamed(target, children, parts.of(termId)[0], parts) : null;
    const from = named ?? target;
    if (!subtermsOf.has(from)) subtermsOf.set(from, codedSubterms(model, from, children, named !== null));
    const subterms = subtermsOf.get(from);
    const referring = pathVariants[termId];
    if (!subterms || !referring) return;
    const historyOnly = historyOnlyTerms[termId] === true;
    for (const subterm of subterms) {
      const code = model.indexTermCodes[subterm.id];
      const combination = subterm.titles.some((title) => WITH_SUBTERM.test(title));
      const notElsewhereClassified = subterm.titles.length > 0 && NOT_ELSEWHERE_CLASSIFIED.test(subterm.titles[subterm.titles.length - 1]);
      if (!code || (named === null && !combination)) continue;
      // "specified NEC" adds no word to the reference: the note's words read the target's own code.
      if (subterm.titles.length > 0 && contentStems(subterm.titles[subterm.titles.length - 1]).length === 0) continue;
      const subtermStems = subterm.titles.flatMap((title) => contentStems(title));
      // A target that is itself the named term is already in the reference.
      const steps = named === null || named === target ? subterm.titles : [model.indexTerms[named].title, ...subterm.titles];
      const display = `Index: ${pathTitles(model, termId).join(' > ')} (see ${term.see}) > ${steps.join(' > ')}`;
      for (const stems of referring) {
        drafts.push({
          stems: [...new Set([...stems, ...subtermStems])],
          code,
          source: 'index',
          display,
          prior,
          ...(combination && { combination }),
          ...(notElsewhereClassified && { notElsewhereClassified }),
          ...(historyOnly && { historyOnly }),
        });
      }
    }
  });
  return drafts;
}

function childrenOf(model: CompiledTerminology): number[][] {
  const children: number[][] = model.indexTerms.map(() => []);
  model.indexTerms.forEach((term, id) => {
    if (term.parent >= 0) children[term.parent].push(id);
  });
  return children;
}

/**
 * Main terms of the Index proper by the first word group of their title ("Calculus, calculi,
 * calculous" under "calculus"), in Index order. Several share one: "Fracture, burst",
 * "Fracture, pathological" and "Fracture, traumatic" are all "fracture".
 */
function mainTermsByWord(model: CompiledTerminology, parts: TitleParts): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  model.indexTerms.forEach((term, id) => {
    if (term.parent < 0 && term.source === 'index') {
      const key = parts.of(id)[0];
      const same = byWord.get(key);
      if (same) same.push(id);
      else byWord.set(key, [id]);
    }
  });
  return byWord;
}

function titleParts(title: string): string[] {
  return title.split(',').map((part) => part.trim().toLowerCase());
}

/** Each Index title's comma-separated parts, lower-cased, worked out once per term: references read the same main terms' subterms again and again. */
class TitleParts {
  private readonly parts: (string[] | undefined)[];

  constructor(private readonly model: CompiledTerminology) {
    this.parts = new Array<string[] | undefined>(model.indexTerms.length).fill(undefined);
  }

  of(id: number): string[] {
    let parts = this.parts[id];
    if (parts === undefined) {
      parts = titleParts(this.model.indexTerms[id].title);
      this.parts[id] = parts;
    }
    return parts;
  }
}

/**
 * The Index term a reference names ("Calculus, bile duct"), or null when part of it names no
 * subterm (a reference to a table, or to a site the coder picks: "by site"). Several main terms
 * may share the reference's first word: the referring term's own main term is tried first, then
 * the others in Index order, and the first under which the whole reference leads somewhere wins
 * ("Fracture, traumatic, femur, neck - see Fracture, femur, upper end, neck" stays under
 * "Fracture, traumatic", not "Fracture, burst").
 */
function resolveReference(
  reference: string,
  referringMainTerm: number,
  mainTerms: ReadonlyMap<string, readonly number[]>,
  children: readonly number[][],
  titles: TitleParts,
): number | null {
  const parts = titleParts(reference);
  const candidates = mainTerms.get(parts[0]) ?? [];
  const ordered = candidates.includes(referringMainTerm) ? [referringMainTerm, ...candidates.filter((id) => id !== referringMainTerm)] : candidates;
  for (const mainTerm of ordered) {
    const found = resolveUnder(mainTerm, parts, children, titles);
    if (found !== null) return found;
  }
  return null;
}

function resolveUnder(mainTerm: number, parts: readonly string[], children: readonly number[][], titles: TitleParts): number | null {
  let node = mainTerm;
  const ownParts = titles.of(node);
  for (const part of parts.slice(1)) {
    if (ownParts.includes(part)) continue;
    const next: number | undefined = children[node].find((child) => titles.of(child).includes(part));
    if (next === undefined) return null;
    node = next;
  }
  return node;
}

/**
 * The term under a target that names what the referring term names: the target itself where its
 * own title does ("Fracture, femur, neck - see Fracture, femur, upper end, neck"), else a child
 * ("Ulcer, heel - see Ulcer, lower limb" finds "heel"), else null.
 */
function targetOrChildNamed(target: number, children: readonly number[][], name: string, parts: TitleParts): number | null {
  if (parts.of(target).includes(name)) return target;
  return children[target].find((child) => parts.of(child).includes(name)) ?? null;
}

/**
 * The subterms under `target` that carry a code (with `target` itself first when `withTarget`),
 * or null when there are too many to be one condition's variants.
 */
function codedSubterms(model: CompiledTerminology, target: number, children: readonly number[][], withTarget: boolean): Subterm[] | null {
  const found: Subterm[] = withTarget && model.indexTermCodes[target] ? [{ id: target, titles: [] }] : [];
  const visit = (id: number, titles: readonly string[]): boolean => {
    for (const child of children[id]) {
      const path = [...titles, model.indexTerms[child].title];
      if (model.indexTermCodes[child]) found.push({ id: child, titles: path });
      if (found.length > MAX_TARGET_SUBTERMS) return false;
      if (path.length < MAX_SUBTERM_DEPTH && !visit(child, path)) return false;
    }
    return true;
  };
  return visit(target, []) ? found : null;
}

function mainTermOf(terms: CompiledTerminology['indexTerms'], termId: number): number {
  let id = termId;
  while (terms[id].parent >= 0) id = terms[id].parent;
  return id;
}

/** The titles of an Index term's path, main term first. */
export function pathTitles(model: Pick<CompiledTerminology, 'indexTerms'>, termId: number): string[] {
  const titles: string[] = [];
  for (let id = termId; id >= 0; id = model.indexTerms[id].parent) titles.unshift(model.indexTerms[id].title);
  return titles;
}

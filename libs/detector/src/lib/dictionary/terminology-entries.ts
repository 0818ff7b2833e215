import type { CompiledTerminology, Terminology } from '@icd/terminology';
import { NEOPLASM_COLUMN_MARKERS } from './neoplasm-markers.js';
import { NOT_ELSEWHERE_CLASSIFIED, WITH_SUBTERM, pathTitles, seeReferenceEntries } from './see-reference-entries.js';
import { contentStems, hyphenatedStems, stemSetKey } from './stems.js';
import type { EntryDraft } from './term-dictionary.js';
import { MIN_ALLERGY_STATUS_STEMS, allergyStatusCodes, isPastProcedureStatus, isPersonalHistory, namesNoCause, pastProcedureDrafts } from './index-subterms.js';

/** A priori share of matches that name a code a coder assigns, by source, before calibration on train. */
const SOURCE_PRIOR = { index: 0.5, inclusion: 0.45, title: 0.4, neoplasm: 0.5 } as const;

/** Longer entries seldom match whole in free text and only cost memory. */
const MAX_ENTRY_STEMS = 8;

/**
 * Words that describe the visit, as a seventh character does ("initial encounter", "sequela"):
 * an entry made of these alone (the Index's lead term "Encounter", Z76.89) names no condition.
 */
const ENCOUNTER_STEMS = new Set(contentStems('encounter initial subsequent sequela'));

/** Dictionary drafts for every way the terminology names a code. */
export function entriesFromTerminology(terminology: Terminology): EntryDraft[] {
  const model = terminology.compiled;
  return [...indexEntries(model), ...titleEntries(model), ...inclusionEntries(model), ...neoplasmEntries(model)].filter(
    (draft) => draft.stems.length > 0 && draft.stems.length <= MAX_ENTRY_STEMS && draft.stems.some((stem) => !ENCOUNTER_STEMS.has(stem)),
  );
}

/**
 * A subterm naming a kind as "X type" ("Dementia, Alzheimer's type", "Anxiety, panic type"),
 * which notes write without "type" ("Alzheimer's dementia"): not a vague "specified type", nor
 * a numbered one ("type 2").
 */
const KIND_TYPE = /^(?!(?:other|specified|unspecified)\b)[^\d]+ type$/i;
const KIND_TYPE_WORD = / type$/i;

/** Qualifiers the Index writes on a main term that is also the default reading ("Fracture, traumatic"). */
const DEFAULT_QUALIFIERS = new Set(['traumatic']);

/** Most spelling variants one Index path may fan out into ("abdomen, abdominal" under "thorax, thoracic"). */
const MAX_PATH_VARIANTS = 4;

/**
 * The word lists an Index title stands for. A title listing spellings of one word (`Diabetes,
 * diabetic`, `myocardium, myocardial`) is matched by any one of them; a qualified main term
 * (`Fracture, pathological`, `Achromia, congenital`) needs its qualifier too, unless the qualifier
 * is the default reading; any other subterm needs all its words.
 */
export function indexTitleVariants(title: string, isMainTerm: boolean): string[] {
  const parts = title.split(',').map((part) => part.trim());
  const prefix = parts[0].slice(0, 3).toLowerCase();
  if (parts.length > 1 && parts.every((part) => part.slice(0, 3).toLowerCase() === prefix)) return parts;
  if (!isMainTerm) return KIND_TYPE.test(title) ? [title, title.replace(KIND_TYPE_WORD, '')] : [title];
  return [parts.filter((part) => !DEFAULT_QUALIFIERS.has(part.toLowerCase())).join(' ')];
}

function indexEntries(model: CompiledTerminology): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  const pathVariants: string[][][] = [];
  const underPersonalHistory: boolean[] = [];
  const allergyStatus = allergyStatusCodes(model);
  model.indexTerms.forEach((term, termId) => {
    const personalHistory = isPersonalHistory(model, termId);
    // Below "History, personal" a path is read from its own words: the history is the mention's assertion.
    const variants = personalHistory ? [[]] : extendPathVariants(term.parent < 0 ? [[]] : pathVariants[term.parent], term.title, term.parent < 0);
    // A main term of words that name nothing ("Use", "Additional") leaves its subterms naming a
    // code by the drug or the chromosome alone: "inhaled" would be inhalant use. They match nothing.
    if (term.parent < 0 && variants.every((stems) => stems.length === 0)) variants.length = 0;
    pathVariants[termId] = variants;
    const historyOnly = personalHistory || (term.parent >= 0 && underPersonalHistory[term.parent]);
    underPersonalHistory[termId] = historyOnly;
    // A "with" subterm sent elsewhere names a combination its target's own code leaves out:
    // "Disease, artery, coronary, with angina pectoris - see Arteriosclerosis, coronary" is not
    // I25.10, "... without angina pectoris"; the target's "with" subterms read it instead.
    const code = model.indexTermCodes[termId] ?? (WITH_SUBTERM.test(term.title) ? undefined : model.seeTargetCodes[termId]);
    if (!code || term.source !== 'index' || namesNoCause(model, term)) return;
    const display = indexDisplay(model, termId);
    const combination = isCombinationPath(model, termId);
    const notElsewhereClassified = NOT_ELSEWHERE_CLASSIFIED.test(term.title);
    for (const stems of variants) {
      const pastOnly = historyOnly && !(allergyStatus.has(code) && stems.length >= MIN_ALLERGY_STATUS_STEMS);
      drafts.push({
        stems,
        code,
        source: 'index',
        display,
        prior: SOURCE_PRIOR.index,
        ...(combination && { combination }),
        ...(notElsewhereClassified && { notElsewhereClassified }),
        ...(pastOnly && { historyOnly: true }),
      });
    }
    if (isPastProcedureStatus(model, termId, code)) drafts.push(...pastProcedureDrafts(variants, code, display, SOURCE_PRIOR.index));
  });
  return [...drafts, ...seeReferenceEntries(model, pathVariants, SOURCE_PRIOR.index, underPersonalHistory)];
}

/** The stem sets of a path one title longer: each way of writing the parent path with each way of writing the title. */
function extendPathVariants(parents: readonly string[][], title: string, isMainTerm: boolean): string[][] {
  const own = indexTitleVariants(title, isMainTerm).flatMap(stemReadings);
  return distinct(parents.flatMap((parent) => own.map((stems) => [...new Set([...parent, ...stems])]))).slice(0, MAX_PATH_VARIANTS);
}

/** The content stems of `text`, and its stems with its hyphenated words whole where it has any ({@link hyphenatedStems}). */
function stemReadings(text: string): string[][] {
  const whole = hyphenatedStems(text);
  return whole === null ? [contentStems(text)] : [contentStems(text), whole];
}

function distinct(variants: string[][]): string[][] {
  const seen = new Set<string>();
  return variants.filter((stems) => {
    const key = stems.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function indexDisplay(model: CompiledTerminology, termId: number): string {
  return `Index: ${pathTitles(model, termId).join(' > ')}`;
}

/** A subterm under the main term that starts with "with": the Index's way of linking two conditions in one code. */
function isCombinationPath(model: CompiledTerminology, termId: number): boolean {
  for (let id = termId; model.indexTerms[id].parent >= 0; id = model.indexTerms[id].parent) {
    if (WITH_SUBTERM.test(model.indexTerms[id].title)) return true;
  }
  return false;
}

const OTHER_TITLE = /\bother\b/i;

/**
 * A title or inclusion term that links two conditions with "with" ("Heart failure with reduced
 * ejection fraction", "Type 2 diabetes mellitus with diabetic nephropathy"): like an Index "with"
 * subterm, one code for both, so its words may lie on either side of a "with" in the text.
 */
const LINKING_WITH = /\bwith\b/i;

/** The `combination` flag of a title or inclusion term whose own words link conditions with "with". */
function linksWith(text: string): { combination?: true } {
  return LINKING_WITH.test(text) ? { combination: true } : {};
}

function titleEntries(model: CompiledTerminology): EntryDraft[] {
  // Seventh-character codes repeat their base title with the encounter: resolution picks those.
  const drafts = model.codes
    .filter((code) => code.code.length < 7)
    .flatMap((code) => stemReadings(titleWords(code.longTitle)).map((stems) => ({ code, stems })))
    .map(({ code, stems }) => ({
      stems,
      code: code.code,
      source: 'title' as const,
      display: `Title: ${code.longTitle}`,
      // "Other ..." codes are for conditions the note names otherwise; their remaining words match the generic condition.
      prior: OTHER_TITLE.test(code.longTitle) ? SOURCE_PRIOR.title / 2 : SOURCE_PRIOR.title,
      ...linksWith(code.longTitle),
    }));
  return withoutOtherTwins(drafts);
}

/**
 * Drops an "Other ..." title whose remaining words are exactly a sibling's ("Other specified
 * cough" and "Cough, unspecified" are both just "cough"): the words cannot tell them apart, and
 * the classification's rule for a condition named no further is the unspecified code.
 */
function withoutOtherTwins(drafts: EntryDraft[]): EntryDraft[] {
  const keyOf = (draft: EntryDraft) => `${draft.code.slice(0, -1)}|${stemSetKey(draft.stems)}`;
  const plainKeys = new Set(drafts.filter((draft) => !OTHER_TITLE.test(draft.display)).map(keyOf));
  return drafts.filter((draft) => !OTHER_TITLE.test(draft.display) || !plainKeys.has(keyOf(draft)));
}

/** Words in parentheses in an inclusion term are nonessential: "Myocardial infarction (acute) NOS". */
function essentialWords(text: string): string {
  return withoutAlternatives(text).replace(/\([^()]*\)/g, ' ');
}

/**
 * A title's words in parentheses are nonessential too ("Long term (current) use of insulin",
 * "Essential (primary) hypertension"), but not an abbreviation there: "Chronic kidney disease
 * (CKD)" names its header, which the Index's own words read as N18.9.
 */
function titleWords(title: string): string {
  return title.replace(/\((?![A-Z0-9]+\))[^()]*\)/g, ' ');
}

/**
 * The Tabular's square brackets hold another way of saying the words before them, a synonym or
 * abbreviation ("Heart failure with reduced ejection fraction [HFrEF]", "Herpesviral [herpes
 * simplex] vulvitis"): a note writes one or the other, so the bracketed words are not required.
 */
function withoutAlternatives(text: string): string {
  return text.replace(/\[[^[\]]*\]/g, ' ');
}

function inclusionEntries(model: CompiledTerminology): EntryDraft[] {
  return Object.entries(model.notes).flatMap(([code, notes]) =>
    notes.inclusionTerms.flatMap((text) => {
      const words = essentialWords(text);
      return stemReadings(words).map((stems) => ({
        stems,
        code,
        source: 'inclusion' as const,
        display: `Inclusion term: ${text}`,
        prior: SOURCE_PRIOR.inclusion,
        ...linksWith(words),
      }));
    }),
  );
}

/** Site path plus a behaviour marker (`#malignant`...) that morphology words in the text stand for. */
function neoplasmEntries(model: CompiledTerminology): EntryDraft[] {
  const tableIndex = model.tables.findIndex((table) => table.kind === 'neoplasm');
  if (tableIndex < 0) return [];
  const table = model.tables[tableIndex];
  const drafts: EntryDraft[] = [];
  const pathVariants: string[][][] = [];
  table.rows.forEach((row, rowId) => {
    // A site written two ways (`lymph, lymphatic channel NEC`) is named by either, as in the Index.
    const isSite = row.parent >= 0 && table.rows[row.parent].parent < 0;
    const variants = row.parent < 0 ? [[]] : extendPathVariants(pathVariants[row.parent], row.title, isSite);
    pathVariants[rowId] = variants;
    model.tableCellCodes[tableIndex][rowId].forEach((code, column) => {
      const marker = NEOPLASM_COLUMN_MARKERS[column];
      if (!code || !marker) return;
      for (const stems of variants) {
        if (stems.length === 0) continue;
        drafts.push({
          stems: [marker, ...stems],
          code,
          source: 'neoplasm',
          display: `Neoplasm Table: ${row.title} (${table.headings[column]})`,
          prior: SOURCE_PRIOR.neoplasm,
        });
      }
    });
  });
  return drafts;
}

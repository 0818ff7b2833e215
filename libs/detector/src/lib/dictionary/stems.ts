import { searchTerms, stemTerm } from '@icd/terminology';
import { rememberedIn } from '../bounded-memo.js';

/**
 * Words that qualify a title without naming anything a note would say ("unspecified", "other",
 * "not elsewhere classified"): an entry that required them would never match clinical prose.
 */
const TITLE_NOISE = new Set(
  // A possessive ("Crohn's disease": 's' in a title, "'s" as wink-nlp's token) names nothing: notes also write "Crohn disease".
  ['s', "'s", '\u2019s', 'unspecified', 'other', 'specified', 'elsewhere', 'classified', 'not', 'with', 'due', 'nos', 'nec', 'site', 'sites', 'use', 'code', 'additional', 'any', 'part', 'parts', 'region'],
);

/**
 * Index words that notes use in another sense, read as no content on both sides: "overlying"
 * places something ("the overlying skin"), not a suffocation; the hypochondria are the regions
 * under the ribs, not hypochondriasis; "freezing" is semen or a frozen section, not an effect of cold.
 * The pronoun "her" is no eponym: Porter gives it the stem of "Hers' disease" (E74.09), which
 * "her father had coronary disease" would otherwise name. The eponym keeps its stem: the word is "hers".
 */
const WORDS_NOTES_USE_OTHERWISE = new Set(['overlying', 'hypochondria', 'hypochondriac', 'freezing', 'her']);

/**
 * Words read as a stem of their own. Roman numerals as stages and types are written ("type II",
 * "stage IV") are read as the Index writes them. Porter runs some words together with a condition
 * they do not name: "general" ("general surgery") is not "generalized", "depressible" (a soft,
 * depressible abdomen) is not "depression", "burning" (a burning pain) is not a burn, "alcohol"
 * is not alcoholism, "traumatic" is not a traumatism, an embolization is a procedure, not an embolism.
 * Neither is "observed" an observation (Z04.9), "over" overeating, "morphine" morphinism, "adipose"
 * adiposity, the colon a colonization, the prostate prostatism, teeth teething, urine urination, nor
 * "premature" (contact, stop codon) prematurity, aldosterone aldosteronism; nor does a
 * bacterium's species name its disease: H. influenzae is no influenza, S. or K. pneumoniae no
 * pneumonia ("UTI due to Klebsiella pneumoniae"), N. meningitidis no meningitis. An inhalant is a drug
 * of abuse, while "inhaled" corticosteroids are an inhalation; a vasodilator is a drug, not a vasodilation;
 * a (cardiac) conduction disorder is no conduct disorder; a (hearing) aid is no AIDS.
 *
 * A Map, not an object: most words asked about are new to the process, and looking a new string
 * up as an object's property costs V8 a search of its table of property names (about a microsecond).
 */
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map(Object.entries({
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  general: 'general',
  depressible: 'depressible',
  burning: 'burning',
  alcoholism: 'alcoholism',
  traumatism: 'traumatism',
  embolization: 'emboliz',
  embolizing: 'emboliz',
  embolized: 'emboliz',
  embolize: 'emboliz',
  observation: 'observation',
  observations: 'observation',
  overeating: 'overeating',
  morphinism: 'morphinism',
  adiposity: 'adiposity',
  colonization: 'colonization',
  colonized: 'colonization',
  prostatism: 'prostatism',
  parkinsonism: 'parkinsonism',
  teething: 'teething',
  urination: 'urination',
  prematurity: 'prematurity',
  aldosteronism: 'aldosteronism',
  influenzae: 'influenzae',
  pneumoniae: 'pneumoniae',
  meningitidis: 'meningitidis',
  gonorrhoeae: 'gonorrhoeae',
  diphtheriae: 'diphtheriae',
  cholerae: 'cholerae',
  inhalant: 'inhalant',
  inhalants: 'inhalant',
  vasodilator: 'vasodilator',
  vasodilators: 'vasodilator',
  conduction: 'conduction',
  aids: 'aids',
  // Porter leaves "extrem", which "extreme" and "extremely" share; only the limb reads as a limb.
  extremity: 'extremity',
  extremities: 'extremity',
}));

const cache = new Map<string, string | null>();

/**
 * Words a worker keeps stemmed. Clinical text brings new words without end (numbers, misspellings,
 * names), so the cache starts again once it holds this many rather than growing for the life of
 * the process; the vocabulary that matters is back within a few documents.
 */
export const STEM_CACHE_LIMIT = 200_000;

/** The stem the detector and its dictionary share for one lower-case word; null when it carries no content. */
export function stemOf(word: string): string | null {
  // wink-nlp keeps a sentence's final period on words it takes for abbreviations: a single letter
  // ("hepatitis C.") and words such as "mass." (Massachusetts) or "ill.". A word with no other
  // period ("e.g.", "a.m.") is read without it.
  if (word.length >= 2 && word.indexOf('.') === word.length - 1) return stemOf(word.slice(0, -1));
  return rememberedIn(cache, STEM_CACHE_LIMIT, word, computeStem);
}

/**
 * {@link stemOf} without its cache, for a caller that remembers each word's stem itself (the
 * detector's word table): a second cache of the same words would only cost a lookup per new word.
 */
export function stemOfUncached(word: string): string | null {
  if (word.length >= 2 && word.indexOf('.') === word.length - 1) return stemOfUncached(word.slice(0, -1));
  return computeStem(word);
}

function computeStem(word: string): string | null {
  return TITLE_NOISE.has(word) || WORDS_NOTES_USE_OTHERWISE.has(word) ? null : (STEM_OVERRIDES.get(word) ?? inflammationStem(word) ?? stemTerm(word));
}

const INFLAMMATION_PLURAL = /itides$/;

/**
 * An inflammation ("-itis") is its own word. Porter cuts the suffix and leaves the organ's
 * adjective: "peritonitis" and "peritoneal", "thyroiditis" and "thyroid", "cervicitis" and
 * "cervical", even "enteritis" and "entered" would read alike.
 */
function inflammationStem(word: string): string | null {
  if (word.length > 6 && INFLAMMATION_PLURAL.test(word)) return `${word.slice(0, -4)}is`;
  return word.length > 5 && word.endsWith('itis') ? word : null;
}

/** How many words are cached now (for tests of the limit). */
export function stemCacheSize(): number {
  return cache.size;
}

/** One key for a bag of stems, whatever their order: entries with the same words share it. */
export function stemSetKey(stems: readonly string[]): string {
  return [...stems].sort().join(' ');
}

/** Distinct content stems of a phrase, in order. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of searchTerms(text)) {
    const stem = stemOf(word);
    if (stem !== null && !stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

/** A word with letters or digits on both sides of a hyphen: "pre-eclampsia", "non-Hodgkin", "post-traumatic". */
const HYPHENATED_WORD = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;

/**
 * {@link contentStems} of a phrase with its hyphenated words kept whole, or null for a phrase
 * without one. The tokenizer keeps "pre-eclampsia" and "post-traumatic" as one token, which
 * offers the stem of the whole word, while {@link contentStems} splits the Index's "Pre-eclampsia"
 * into "pre" and "eclampsia"; the dictionary reads a title both ways. Splitting the token instead
 * would let its last part stand alone: "pre-diabetes" is no diabetes, nor "non-diabetic" diabetic.
 */
export function hyphenatedStems(text: string): string[] | null {
  if (!text.includes('-')) return null;
  const words = text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).map((word) => word.replace(/^-+|-+$/g, ''));
  if (!words.some((word) => HYPHENATED_WORD.test(word))) return null;
  const stems: string[] = [];
  for (const word of words) {
    const found = HYPHENATED_WORD.test(word) ? [stemOf(word)] : contentStems(word);
    for (const stem of found) if (stem !== null && !stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

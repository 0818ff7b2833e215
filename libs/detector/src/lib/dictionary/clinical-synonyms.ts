import { z } from 'zod';
import data from '../../data/clinical-synonyms.en.json' with { type: 'json' };
import { contentStems } from './stems.js';
import { parseDataFile } from '../rules/parse-data-file.js';

const SynonymsFile = z.object({
  clinicalSynonyms: z.array(z.object({ words: z.string().min(1), means: z.array(z.string().min(1)).min(1) }).strict()),
});

/**
 * Validates the synonym file: a word as written in notes and the classification's words for it
 * ("distal" -> "lower end"), keyed by the word's stem. The error names the entry at fault.
 */
export function parseClinicalSynonyms(input: unknown): Map<string, string[]> {
  const parsed = parseDataFile(SynonymsFile, input, 'clinical-synonyms.en.json');
  const synonyms = new Map<string, string[]>();
  for (const entry of parsed.clinicalSynonyms) {
    const key = contentStems(entry.words).join(' ');
    const stems = [...new Set(entry.means.flatMap((phrase) => contentStems(phrase)))];
    synonyms.set(key, [...new Set([...(synonyms.get(key) ?? []), ...stems])]);
  }
  return synonyms;
}

/** Stem of a word -> extra stems the same token also stands for. */
export const CLINICAL_SYNONYMS = parseClinicalSynonyms(data);

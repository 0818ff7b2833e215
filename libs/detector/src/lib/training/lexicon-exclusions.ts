import { z } from 'zod';
import data from '../../data/lexicon-exclusions.en.json' with { type: 'json' };
import { stemOf } from '../dictionary/stems.js';
import { parseDataFile } from '../rules/parse-data-file.js';

const LexiconExclusionsFile = z
  .object({
    $comment: z.string().optional(),
    words: z.array(z.string().regex(/^[a-z]+$/, 'an excluded word is one lower-case word')).min(1),
  })
  .strict();

/** Validates the lexicon-exclusions file; returns the stems of its words, which mined phrases must not hold. */
export function parseLexiconExclusions(input: unknown): ReadonlySet<string> {
  const parsed = parseDataFile(LexiconExclusionsFile, input, 'lexicon-exclusions.en.json');
  const stems = new Set<string>();
  for (const word of parsed.words) {
    const stem = stemOf(word);
    if (stem !== null) stems.add(stem);
  }
  return stems;
}

export const LEXICON_EXCLUDED_STEMS = parseLexiconExclusions(data);

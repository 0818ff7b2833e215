import { z } from 'zod';
import data from '../data/lay-synonyms.en.json' with { type: 'json' };

const LaySynonymsFile = z.object({
  laySynonyms: z.array(z.object({ lay: z.string().min(1), clinical: z.string().min(1) }).strict()),
});

const synonyms = parseLaySynonyms(data);

/** Validates the lay-synonym data file; the error names the entry at fault. */
export function parseLaySynonyms(input: unknown) {
  const parsed = LaySynonymsFile.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`terminology: lay-synonyms.en.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.laySynonyms.map((entry) => ({ ...entry, pattern: new RegExp(`\\b${escape(entry.lay)}\\b`, 'i') }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The query as typed plus, when it uses everyday words for a condition ("heart attack"), the same
 * query in the classification's words ("myocardial infarction").
 */
export function expandLaySynonyms(query: string): { text: string; weight: number }[] {
  let clinical = query;
  for (const entry of synonyms) clinical = clinical.replace(entry.pattern, entry.clinical);
  // A curated synonym says what the everyday words mean: the clinical reading leads.
  return clinical === query ? [{ text: query, weight: 1 }] : [{ text: clinical, weight: 1 }, { text: query, weight: LAY_READING_WEIGHT }];
}

const LAY_READING_WEIGHT = 0.6;

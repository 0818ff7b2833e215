import { z } from 'zod';
import data from '../../data/neoplasm-morphology.en.json' with { type: 'json' };
import { contentStems } from './stems.js';
import { parseDataFile } from '../rules/parse-data-file.js';

/** Neoplasm Table columns (after the site) and the marker a dictionary entry carries for each. */
export const NEOPLASM_COLUMN_MARKERS = ['#malignant', '#secondary', '#insitu', '#benign', '#uncertain', '#neoplasm'] as const;

export type NeoplasmMarker = (typeof NEOPLASM_COLUMN_MARKERS)[number];

/** The marker of the Table's Secondary column: a word for spread ("metastatic", "metastasis"). */
export const SECONDARY_MARKER: NeoplasmMarker = '#secondary';

const MorphologyFile = z.object({
  neoplasmMorphology: z.array(
    z.object({ marker: z.enum(NEOPLASM_COLUMN_MARKERS), words: z.array(z.string().min(1)).min(1) }).strict(),
  ),
});

/** Validates the morphology data file; the error names the entry at fault. */
export function parseNeoplasmMorphology(input: unknown): Map<string, NeoplasmMarker> {
  const parsed = parseDataFile(MorphologyFile, input, 'neoplasm-morphology.en.json');
  const markers = new Map<string, NeoplasmMarker>();
  for (const entry of parsed.neoplasmMorphology) {
    for (const word of entry.words) markers.set(contentStems(word).join(' '), entry.marker);
  }
  return markers;
}

/** Stem sequence (space-joined) -> behaviour marker, e.g. `carcinoma` -> `#malignant`. */
export const MORPHOLOGY_MARKERS = parseNeoplasmMorphology(data);

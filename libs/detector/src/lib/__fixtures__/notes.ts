import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectorDoc } from '../detector-doc.js';
import { createMention } from '../mentions.js';
import { defaultStageDeps, runStages, stagesThrough } from '../pipeline.js';
import { assertContext } from '../stages/assert-context.js';

/** A synthetic progress note with the header styles notes use (no real patient). */
export const PROGRESS_NOTE = [
  'Patient seen on rounds.',
  'CHIEF COMPLAINT: Shortness of breath',
  'HISTORY OF PRESENT ILLNESS:',
  '67 yo M with h/o HTN, T2DM, CKD-3 and AFib presents with SOB. Denies chest pain.',
  'PMH:',
  '- COPD',
  '- Prostate cancer s/p radiation',
  'Past Surgical History: appendectomy',
  'Family history: mother had colon cancer. Father with MI at 50.',
  'Social History: former smoker.',
  'Medications: metformin, lisinopril',
  'Allergies: NKDA',
  'ROS: negative except as above',
  'PE:',
  '  General: NAD',
  'Lungs: crackles at bases.',
  '**Assessment and Plan:**',
  '1. CHF exacerbation - diuresis.',
  '2. Rule out PE, start heparin.',
  'Plan',
  'Return if fever returns.',
].join('\r\n');

/** The stages before assert-context, on `text`, with a mention at the first occurrence of each needle. */
export function docWithMentions(text: string, needles: readonly string[]): DetectorDoc {
  const doc = runStages(text, stagesThrough('expand-abbreviations'));
  const mentions = needles.map((needle) => {
    const begin = text.indexOf(needle);
    if (begin < 0) throw new Error(`needle not in text: ${needle}`);
    return createMention(doc, { begin, end: begin + needle.length });
  });
  return { ...doc, mentions };
}

/** Runs assert-context over `text` with the given mentions and returns them asserted. */
export function assertMentions(text: string, needles: readonly string[]): DetectorDoc['mentions'] {
  return assertContext(docWithMentions(text, needles), defaultStageDeps()).mentions;
}

/** The CodiEsp English texts (`CODIESP_DIR`, else the shared folder beside this checkout, as in CI), or null. */
export function codiespTextDir(folder: 'train' | 'dev' | 'background'): string | null {
  // CODIESP_DIR first, as the CLI reads it, so that a checkout away from the workplace finds the corpus too.
  const root = process.env.CODIESP_DIR ?? fileURLToPath(new URL('../../../../../../shared/codiesp/', import.meta.url));
  const dir = path.join(root, folder, 'text_files_en') + path.sep;
  return existsSync(dir) ? dir : null;
}

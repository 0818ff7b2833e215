/**
 * Seeded synthetic clinical notes with ground-truth identifier spans, for measuring the redactor.
 * Deterministic for a seed and self-contained (no external data). The generator and the rules
 * share an author, so scores on these notes are an upper bound: real notes hold layouts and
 * names that no generator foresaw.
 */
import { person } from './identifiers.js';
import { NoteBuilder, type SyntheticNote } from './note-builder.js';
import { writeHeader, writeHistory, writePlanAndSignature, writeSocial, type NoteCast } from './note-sections.js';
import { createRandom, type Random } from './random.js';

export type { SyntheticNote } from './note-builder.js';

/** Default seed of the benchmark and the recall tests. */
export const DEFAULT_SYNTHETIC_SEED = 42;

const RELATIONS = ['daughter', 'son', 'wife', 'husband', 'sister', 'brother', 'niece', 'partner'];

function castOf(random: Random): NoteCast {
  // About a third of patients are over 89, so that AGE_OVER_89 is well represented.
  const age = random.chance(0.35) ? random.int(90, 103) : random.int(19, 89);
  return {
    patient: person(random),
    title: random.pick(['Mr.', 'Mrs.', 'Ms.'] as const),
    provider: person(random),
    relative: person(random),
    relation: random.pick(RELATIONS),
    age,
    year: random.int(2015, 2024),
  };
}

/** One note drawn from `random`. */
export function generateSyntheticNote(random: Random): SyntheticNote {
  const cast = castOf(random);
  const builder = new NoteBuilder();
  writeHeader(builder, random, cast);
  writeHistory(builder, random, cast);
  writeSocial(builder, random, cast);
  writePlanAndSignature(builder, random, cast);
  return builder.build();
}

/** `count` notes, the same for the same seed. */
export function generateSyntheticNotes(count: number, seed = DEFAULT_SYNTHETIC_SEED): SyntheticNote[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => generateSyntheticNote(random));
}

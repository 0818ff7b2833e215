export { createRandom } from './random.js';
export type { Random } from './random.js';
export { NoteBuilder, phi } from './note-builder.js';
export type { Piece } from './note-builder.js';
export { DEFAULT_SYNTHETIC_SEED, generateSyntheticNote, generateSyntheticNotes } from './synthetic-notes.js';
export type { SyntheticNote } from './synthetic-notes.js';
export { precisionOf, recallOf, scoreRedaction } from './score-redaction.js';
export type { RedactionScore, TypeScore } from './score-redaction.js';
export { TEST_ENCRYPTION_KEY, TEST_NEXT_ENCRYPTION_KEY } from './test-keys.js';

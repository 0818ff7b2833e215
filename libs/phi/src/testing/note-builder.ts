import type { PhiSpan, PhiType } from '../lib/redaction/phi-types.js';

/** Text, or an identifier the redactor must remove. */
export type Piece = string | { readonly type: PhiType; readonly value: string };

/** A generated note and where its identifiers are (the ground truth). */
export interface SyntheticNote {
  readonly text: string;
  /** In text order; dates cover only what is finer than the year (the year is kept). */
  readonly spans: PhiSpan[];
}

/** An identifier piece. */
export function phi(type: PhiType, value: string): Piece {
  return { type, value };
}

/** Assembles a note from pieces, recording each identifier's offsets as it goes. */
export class NoteBuilder {
  private readonly parts: string[] = [];
  private readonly spans: PhiSpan[] = [];
  private length = 0;

  add(...pieces: readonly Piece[]): this {
    for (const piece of pieces) {
      const value = typeof piece === 'string' ? piece : piece.value;
      if (typeof piece !== 'string') this.spans.push({ type: piece.type, begin: this.length, end: this.length + value.length });
      this.parts.push(value);
      this.length += value.length;
    }
    return this;
  }

  line(...pieces: readonly Piece[]): this {
    return this.add(...pieces, '\n');
  }

  build(): SyntheticNote {
    return { text: this.parts.join(''), spans: [...this.spans] };
  }
}

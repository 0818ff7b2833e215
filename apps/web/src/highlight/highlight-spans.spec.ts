import { describe, expect, it } from 'vitest';
import { CODED_NOTE, codedNoteResult } from '../__fixtures__/coded-note.js';
import { documentHighlights, flagsOf, proposalsByScore, setApartMentions } from './highlight-spans.js';
import { segmentText, spanPieces } from './segments.js';

describe('documentHighlights', () => {
  const result = codedNoteResult();
  const spans = documentHighlights(CODED_NOTE, result);

  it('highlights every evidence span, the set-apart mentions and the sections', () => {
    const kinds = spans.map((span) => span.value.kind);
    expect(kinds.filter((kind) => kind === 'evidence')).toHaveLength(3);
    expect(kinds.filter((kind) => kind === 'mention')).toHaveLength(2);
    expect(spans.filter((span) => span.value.kind === 'heading').map((span) => CODED_NOTE.slice(span.begin, span.end))).toEqual(['PMH', 'ASSESSMENT AND PLAN']);
  });

  it('renders to pieces whose text is the note between their offsets, crossing spans included', () => {
    const pieces = spanPieces(segmentText(CODED_NOTE.length, spans)).filter((piece) => piece.span.value.kind === 'evidence');
    // "T2DM with CKD" crosses "CKD stage 3": one of the two is cut in two.
    expect(pieces).toHaveLength(4);
    for (const piece of pieces) {
      const value = piece.span.value;
      if (value.kind !== 'evidence') continue;
      expect(value.evidence.text.includes(CODED_NOTE.slice(piece.begin, piece.end))).toBe(true);
      expect(piece.begin).toBeGreaterThanOrEqual(value.evidence.begin);
      expect(piece.end).toBeLessThanOrEqual(value.evidence.end);
    }
  });
});

describe('setApartMentions and flagsOf', () => {
  it('keeps uncoded mentions with an assertion flag, and lists their flags in UI order', () => {
    const mentions = setApartMentions(codedNoteResult());
    expect(mentions.map((mention) => mention.text)).toEqual(['heart failure', 'colon cancer']);
    expect(flagsOf(mentions[1].assertion)).toEqual(['historical', 'family']);
  });
});

describe('proposalsByScore', () => {
  it('orders best first', () => {
    expect(proposalsByScore(codedNoteResult()).map((proposal) => proposal.code)).toEqual(['I10', 'N18.30', 'E11.22']);
  });
});

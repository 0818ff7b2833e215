import { describe, expect, it } from 'vitest';
import { segmentText, spanPieces, type HighlightSpan, type SegmentNode } from './segments.js';

const span = (name: string, begin: number, end: number, layer = 1): HighlightSpan<string> => ({ begin, end, layer, value: name });

/** A compact picture of the tree: `A[0,10](…)` for span pieces, `0-5` for text. */
function shape(nodes: SegmentNode<string>[]): string {
  return nodes.map((node) => (node.kind === 'text' ? `${node.begin}-${node.end}` : `${node.span.value}[${node.begin},${node.end}](${shape(node.children)})`)).join(' ');
}

/** Invariants every tree must keep: contiguous cover, children fill their parent, spans covered by their pieces. */
function expectWellFormed(length: number, spans: HighlightSpan<string>[], nodes: SegmentNode<string>[]): void {
  const checkCover = (children: SegmentNode<string>[], begin: number, end: number) => {
    let at = begin;
    for (const child of children) {
      expect(child.begin).toBe(at);
      expect(child.end).toBeGreaterThan(child.begin);
      if (child.kind === 'span') checkCover(child.children, child.begin, child.end);
      at = child.end;
    }
    expect(at).toBe(end);
  };
  checkCover(nodes, 0, length);
  const pieces = spanPieces(nodes);
  for (const original of spans.filter((s) => s.begin < s.end && s.begin >= 0 && s.end <= length)) {
    const own = pieces.filter((piece) => piece.span === original).sort((a, b) => a.begin - b.begin);
    expect(own[0].begin).toBe(original.begin);
    expect(own.at(-1)!.end).toBe(original.end);
    own.slice(1).forEach((piece, i) => expect(piece.begin).toBe(own[i].end));
  }
}

describe('segmentText', () => {
  it('leaves a text without spans as one text node, and an empty text as nothing', () => {
    expect(shape(segmentText(12, []))).toBe('0-12');
    expect(segmentText(0, [])).toEqual([]);
  });

  it('puts disjoint spans side by side', () => {
    const spans = [span('B', 6, 9), span('A', 0, 3)];
    const nodes = segmentText(12, spans);
    expect(shape(nodes)).toBe('A[0,3](0-3) 3-6 B[6,9](6-9) 9-12');
    expectWellFormed(12, spans, nodes);
  });

  it('nests a span inside a wider one', () => {
    const spans = [span('inner', 4, 6), span('outer', 2, 10)];
    expect(shape(segmentText(12, spans))).toBe('0-2 outer[2,10](2-4 inner[4,6](4-6) 6-10) 10-12');
  });

  it('cuts the later of two crossing spans where the earlier one ends', () => {
    const spans = [span('A', 0, 10), span('B', 5, 15)];
    const nodes = segmentText(20, spans);
    expect(shape(nodes)).toBe('A[0,10](0-5 B[5,10](5-10)) B[10,15](10-15) 15-20');
    expectWellFormed(20, spans, nodes);
  });

  it('handles a chain of crossings like "PMH: T2DM with CKD stage 3"', () => {
    // E11.9 "PMH: T2DM" [0,9), E11.22 "T2DM with CKD" [5,18), N18.30 "CKD stage 3" [15,26).
    const spans = [span('E11.9', 0, 9), span('E11.22', 5, 18), span('N18.30', 15, 26)];
    const nodes = segmentText(27, spans);
    expect(shape(nodes)).toBe('E11.9[0,9](0-5 E11.22[5,9](5-9)) E11.22[9,18](9-15 N18.30[15,18](15-18)) N18.30[18,26](18-26) 26-27');
    expectWellFormed(27, spans, nodes);
  });

  it('nests identical spans in the order given, so two codes on one phrase both show', () => {
    const spans = [span('A', 2, 5), span('B', 2, 5)];
    expect(shape(segmentText(5, spans))).toBe('0-2 A[2,5](B[2,5](2-5))');
  });

  it('keeps lower layers outside higher ones, cutting the higher', () => {
    // A section [0,8) and evidence [6,12) that runs past its end.
    const spans = [span('evidence', 6, 12, 2), span('section', 0, 8, 0)];
    const nodes = segmentText(12, spans);
    expect(shape(nodes)).toBe('section[0,8](0-6 evidence[6,8](6-8)) evidence[8,12](8-12)');
    expectWellFormed(12, spans, nodes);
  });

  it('drops empty, inverted and out-of-range spans', () => {
    const spans = [span('empty', 3, 3), span('inverted', 5, 2), span('past', 8, 30), span('negative', -1, 2), span('ok', 1, 2)];
    expect(shape(segmentText(10, spans))).toBe('0-1 ok[1,2](1-2) 2-10');
  });

  it('keeps its invariants for many random overlapping spans', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round += 1) {
      const length = 1 + random(60);
      const spans = Array.from({ length: random(12) }, (_, i) => {
        const begin = random(length);
        return span(`s${i}`, begin, begin + 1 + random(length - begin), random(3));
      });
      expectWellFormed(length, spans, segmentText(length, spans));
    }
  });
});

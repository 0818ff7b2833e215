/**
 * Turns possibly overlapping spans of a text into a tree that can be rendered as nested elements.
 *
 * Spans that nest become nested nodes. Spans that cross (A = [0, 10), B = [5, 15)) cannot both be
 * single elements, so the one that nests deeper is cut where the other ends: A [0, 10) holds B's
 * first piece [5, 10), and B's second piece [10, 15) follows A. Every piece knows its own offsets,
 * so a piece's text is always `text.slice(piece.begin, piece.end)`.
 */

/** A span to highlight. Where spans overlap, a lower `layer` encloses a higher one. */
export interface HighlightSpan<T> {
  begin: number;
  end: number;
  layer: number;
  value: T;
}

export interface TextNode {
  kind: 'text';
  begin: number;
  end: number;
}

/** One element for (a piece of) a span; its children cover exactly [begin, end). */
export interface SpanNode<T> {
  kind: 'span';
  begin: number;
  end: number;
  span: HighlightSpan<T>;
  children: SegmentNode<T>[];
}

export type SegmentNode<T> = TextNode | SpanNode<T>;

/**
 * The tree for a text of `length` UTF-16 units. Empty spans and spans outside the text are left out;
 * the top-level nodes cover [0, length) without gaps, in order.
 */
export function segmentText<T>(length: number, spans: readonly HighlightSpan<T>[]): SegmentNode<T>[] {
  const ranked = rankSpans(length, spans);
  const boundaries = [...new Set([0, length, ...ranked.flatMap((span) => [span.begin, span.end])])].sort((a, b) => a - b);
  const root: SegmentNode<T>[] = [];
  const open: SpanNode<T>[] = [];
  let active: HighlightSpan<T>[] = [];
  for (let i = 0; i + 1 < boundaries.length; i += 1) {
    const [from, to] = [boundaries[i], boundaries[i + 1]];
    // Spans that cover [from, to), outermost first; `ranked` is already in that order.
    active = ranked.filter((span) => span.begin <= from && span.end >= to);
    reopen(open, active, root, from);
    for (const node of open) node.end = to;
    appendText(open.at(-1)?.children ?? root, from, to);
  }
  return root;
}

/** Valid spans in nesting order: by layer, then wider first, then as given. */
function rankSpans<T>(length: number, spans: readonly HighlightSpan<T>[]): HighlightSpan<T>[] {
  return spans
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => Number.isInteger(span.begin) && Number.isInteger(span.end) && span.begin >= 0 && span.end <= length && span.begin < span.end)
    .sort((a, b) => a.span.layer - b.span.layer || a.span.begin - b.span.begin || b.span.end - a.span.end || a.index - b.index)
    .map(({ span }) => span);
}

/** Closes the open nodes that `active` does not continue, then opens a piece for each new span. */
function reopen<T>(open: SpanNode<T>[], active: HighlightSpan<T>[], root: SegmentNode<T>[], at: number): void {
  let kept = 0;
  while (kept < open.length && kept < active.length && open[kept].span === active[kept]) kept += 1;
  open.length = kept;
  for (const span of active.slice(kept)) {
    const node: SpanNode<T> = { kind: 'span', begin: at, end: at, span, children: [] };
    (open.at(-1)?.children ?? root).push(node);
    open.push(node);
  }
}

function appendText<T>(siblings: SegmentNode<T>[], begin: number, end: number): void {
  const last = siblings.at(-1);
  if (last?.kind === 'text' && last.end === begin) last.end = end;
  else siblings.push({ kind: 'text', begin, end });
}

/** Every piece of every span, depth first, in text order (for tests and lookups). */
export function spanPieces<T>(nodes: readonly SegmentNode<T>[]): SpanNode<T>[] {
  return nodes.flatMap((node) => (node.kind === 'span' ? [node, ...spanPieces(node.children)] : []));
}

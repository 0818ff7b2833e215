import { SaxesParser } from 'saxes';
import type { TabularData } from './source-types.js';
import { TabularXmlBuilder } from './tabular-xml-builder.js';

type PositionedParser = Pick<SaxesParser, 'line' | 'column'>;

/**
 * Rewrites an error thrown while parsing so it names where in the file it happened. saxes already
 * prefixes its own messages with `line:column: `; that prefix is replaced, not repeated.
 */
function locatedError(parser: PositionedParser, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const saxesPrefix = `${parser.line}:${parser.column}: `;
  const reason = message.startsWith(saxesPrefix) ? message.slice(saxesPrefix.length) : message;
  return new Error(
    `ICD-10-CM Tabular XML: error at line ${parser.line}, column ${parser.column}: ${reason}`,
    { cause: error },
  );
}

/** Runs one parser step, turning whatever it throws into a located error. */
function atPosition(parser: PositionedParser, step: () => void): void {
  try {
    step();
  } catch (error) {
    throw locatedError(parser, error);
  }
}

/** Plain (non-namespace) parsing: tag attributes are then strings, and the Tabular uses no namespaces. */
type TabularParserOptions = { xmlns: false; position: true };
type TabularParser = SaxesParser<TabularParserOptions>;

function createParser(builder: TabularXmlBuilder): TabularParser {
  const parser = new SaxesParser<TabularParserOptions>({ xmlns: false, position: true });
  parser.on('opentag', (tag) => builder.openTag(tag.name, tag.attributes));
  parser.on('closetag', (tag) => builder.closeTag(tag.name));
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  return parser;
}

/**
 * Feeds a stream to the parser chunk by chunk. Buffers are decoded as UTF-8 in streaming mode, so
 * a character split across two chunks is decoded whole; invalid UTF-8 is an error, not U+FFFD.
 */
async function feedStream(parser: TabularParser, input: AsyncIterable<string | Buffer>): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of input) {
    atPosition(parser, () => {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    });
  }
  atPosition(parser, () => parser.write(decoder.decode()));
}

/**
 * Reads an ICD-10-CM Tabular List XML file (`icd10cm_tabular_YYYY.xml`) with a streaming parser,
 * so the whole document is never held as a tree.
 *
 * @param input The XML text, or a stream of it such as `fs.createReadStream(path)`.
 * @returns Chapters, sections and every `diag` node in document order (a parent before its
 * children), with notes at each level. Text has its whitespace collapsed to single spaces.
 * Seventh-character definitions are returned as declared, on the node that declares them.
 * @throws Rejects when the XML is malformed or not shaped like a Tabular List; the message gives
 * the line and column. Errors of the input stream itself (e.g. a missing file) reject unchanged.
 */
export async function readTabularXml(input: AsyncIterable<string | Buffer> | string): Promise<TabularData> {
  const builder = new TabularXmlBuilder();
  const parser = createParser(builder);
  if (typeof input === 'string') {
    atPosition(parser, () => parser.write(input));
  } else {
    await feedStream(parser, input);
  }
  atPosition(parser, () => parser.close());
  return builder.result();
}

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTabularXml } from './read-tabular-xml.js';
import type { TabularData } from './source-types.js';

// Trimmed from icd10cm_tabular_2021.xml; the whitespace in the E11.21 inclusion term and the
// accented title of E11.29 are added to test collapsing and multi-byte chunk boundaries.
const TABULAR_XML = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2021</version>
  <introduction>
    <introSection type="instruction">
      <title>Includes:</title>
      <instruction><note>The word 'Includes' appears immediately under certain categories.</note></instruction>
    </introSection>
  </introduction>
  <chapter>
    <name>4</name>
    <desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>
    <notes>
      <note>All neoplasms, whether functionally active or not, are classified in Chapter 2.</note>
    </notes>
    <excludes1>
      <note>transitory endocrine and metabolic disorders specific to newborn (P70-P74)</note>
    </excludes1>
    <sectionIndex>
      <sectionRef first="E08" last="E13" id="E08-E13">
         Diabetes mellitus
      </sectionRef>
    </sectionIndex>
    <section id="E08-E13">
      <desc>Diabetes mellitus (E08-E13)</desc>
      <diag>
        <name>E11</name>
        <desc>Type 2 diabetes mellitus</desc>
        <includes>
          <note>diabetes NOS</note>
          <note>insulin resistant diabetes (mellitus)</note>
        </includes>
        <useAdditionalCode>
          <note>code to identify control using:</note>
          <note>insulin (Z79.4)</note>
        </useAdditionalCode>
        <excludes1>
          <note>type 1 diabetes mellitus (E10.-)</note>
        </excludes1>
        <diag>
          <name>E11.2</name>
          <desc>Type 2 diabetes mellitus with kidney complications</desc>
          <diag>
            <name>E11.21</name>
            <desc>Type 2 diabetes mellitus with diabetic nephropathy</desc>
            <inclusionTerm>
              <note>Type 2 diabetes mellitus with
                 intercapillary	glomerulosclerosis  </note>
            </inclusionTerm>
          </diag>
          <diag>
            <name>E11.22</name>
            <desc>Type 2 diabetes mellitus with diabetic chronic kidney disease</desc>
            <useAdditionalCode>
              <note>code to identify stage of chronic kidney disease (N18.1-N18.6)</note>
            </useAdditionalCode>
          </diag>
          <diag>
            <name>E11.29</name>
            <desc>Type 2 diabetes mellitus with other diabetic kidney complication, née &lt;test&gt;</desc>
          </diag>
        </diag>
      </diag>
    </section>
  </chapter>
  <chapter>
    <name>19</name>
    <desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
    <section id="S70-S79">
      <desc>Injuries to the hip and thigh (S70-S79)</desc>
      <excludes2>
        <note>burns and corrosions (T20-T32)</note>
      </excludes2>
      <diag>
        <name>S72</name>
        <desc>Fracture of femur</desc>
        <notes>
          <note>A fracture not indicated as open or closed should be coded to closed</note>
        </notes>
        <sevenChrNote>
          <note>The appropriate 7th character is to be added to all codes from category S72</note>
        </sevenChrNote>
        <sevenChrDef>
          <extension char="A">initial encounter for closed fracture</extension>
          <extension char="B">initial encounter for open fracture type I or II</extension>
          <note>	initial encounter for open fracture NOS</note>
          <extension char="S">sequela</extension>
        </sevenChrDef>
        <diag>
          <name>S72.0</name>
          <desc>Fracture of head and neck of femur</desc>
          <diag placeholder="true">
            <name>S72.00</name>
            <desc>Fracture of unspecified part of neck of femur</desc>
          </diag>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>
`;

const byCode = (data: TabularData, code: string) => data.diags.find((diag) => diag.code === code);

/** 1-based line of the first occurrence of `fragment` in `text`. */
const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;

/** Splits a string into Buffer chunks of `size` bytes, cutting through multi-byte characters. */
function byteChunks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

describe('readTabularXml', () => {
  it('reads the version, chapters and sections with their notes', async () => {
    const data = await readTabularXml(TABULAR_XML);
    expect(data.version).toBe('2021');
    expect(data.chapters.map((chapter) => [chapter.number, chapter.title])).toEqual([
      ['4', 'Endocrine, nutritional and metabolic diseases (E00-E89)'],
      ['19', 'Injury, poisoning and certain other consequences of external causes (S00-T88)'],
    ]);
    expect(data.chapters[0].notes.notes).toEqual([
      'All neoplasms, whether functionally active or not, are classified in Chapter 2.',
    ]);
    expect(data.chapters[0].notes.excludes1).toEqual([
      'transitory endocrine and metabolic disorders specific to newborn (P70-P74)',
    ]);
    expect(data.sections.map(({ id, title, chapter }) => ({ id, title, chapter }))).toEqual([
      { id: 'E08-E13', title: 'Diabetes mellitus (E08-E13)', chapter: '4' },
      { id: 'S70-S79', title: 'Injuries to the hip and thigh (S70-S79)', chapter: '19' },
    ]);
    expect(data.sections[1].notes.excludes2).toEqual(['burns and corrosions (T20-T32)']);
  });

  it('lists diags in document order with parent, chapter and section', async () => {
    const data = await readTabularXml(TABULAR_XML);
    expect(data.diags.map(({ code, parent, chapter, section }) => [code, parent, chapter, section])).toEqual([
      ['E11', undefined, '4', 'E08-E13'],
      ['E11.2', 'E11', '4', 'E08-E13'],
      ['E11.21', 'E11.2', '4', 'E08-E13'],
      ['E11.22', 'E11.2', '4', 'E08-E13'],
      ['E11.29', 'E11.2', '4', 'E08-E13'],
      ['S72', undefined, '19', 'S70-S79'],
      ['S72.0', 'S72', '19', 'S70-S79'],
      ['S72.00', 'S72.0', '19', 'S70-S79'],
    ]);
    expect(byCode(data, 'E11')).not.toHaveProperty('parent');
  });

  it('keeps each note list on the diag that declares it', async () => {
    const data = await readTabularXml(TABULAR_XML);
    const e11 = byCode(data, 'E11');
    expect(e11?.title).toBe('Type 2 diabetes mellitus');
    expect(e11?.notes).toMatchObject({
      includes: ['diabetes NOS', 'insulin resistant diabetes (mellitus)'],
      useAdditionalCode: ['code to identify control using:', 'insulin (Z79.4)'],
      excludes1: ['type 1 diabetes mellitus (E10.-)'],
      inclusionTerms: [],
      codeFirst: [],
    });
    expect(byCode(data, 'E11.22')?.notes.useAdditionalCode).toEqual([
      'code to identify stage of chronic kidney disease (N18.1-N18.6)',
    ]);
    expect(byCode(data, 'E11.2')?.notes.useAdditionalCode).toEqual([]);
  });

  it('collapses whitespace, decodes entities and ignores the introduction', async () => {
    const data = await readTabularXml(TABULAR_XML);
    expect(byCode(data, 'E11.21')?.notes.inclusionTerms).toEqual([
      'Type 2 diabetes mellitus with intercapillary glomerulosclerosis',
    ]);
    expect(byCode(data, 'E11.29')?.title).toBe(
      'Type 2 diabetes mellitus with other diabetic kidney complication, née <test>',
    );
    expect(JSON.stringify(data)).not.toContain('Includes');
  });

  it('reads seventh-character definitions with the terms listed under a character', async () => {
    const s72 = byCode(await readTabularXml(TABULAR_XML), 'S72');
    expect(s72?.notes.sevenChrNote).toEqual([
      'The appropriate 7th character is to be added to all codes from category S72',
    ]);
    expect(s72?.notes.notes).toEqual(['A fracture not indicated as open or closed should be coded to closed']);
    expect(s72?.notes.sevenChrDef).toEqual([
      { char: 'A', description: 'initial encounter for closed fracture' },
      {
        char: 'B',
        description: 'initial encounter for open fracture type I or II',
        inclusionTerms: ['initial encounter for open fracture NOS'],
      },
      { char: 'S', description: 'sequela' },
    ]);
  });

  it('keeps notes the schema allows in odd places', async () => {
    const xml = `<ICD10CM.tabular><chapter><name>1</name><desc>Chapter</desc>
      <sectionIndex><sectionRef id="A00-A09">Intestinal</sectionRef><note>index note</note></sectionIndex>
      <section id="A00-A09"><desc>Intestinal</desc>
        <diag><name>A00</name><desc>Cholera</desc>
          <sevenChrDef><note>before any extension</note><extension char="A">initial</extension></sevenChrDef>
        </diag>
      </section></chapter></ICD10CM.tabular>`;
    const data = await readTabularXml(xml);
    expect(data.chapters[0].notes.notes).toEqual(['index note']);
    expect(data.diags[0].notes.sevenChrNote).toEqual(['before any extension']);
    expect(data.diags[0].notes.sevenChrDef).toEqual([{ char: 'A', description: 'initial' }]);
    expect(data.version).toBe('');
  });

  it('reads a stream of Buffer chunks that split multi-byte characters like the string', async () => {
    const expected = await readTabularXml(TABULAR_XML);
    for (const size of [1, 7, 4096]) {
      expect(await readTabularXml(Readable.from(byteChunks(TABULAR_XML, size)))).toEqual(expected);
    }
    expect(await readTabularXml(Readable.from([TABULAR_XML.slice(0, 999), TABULAR_XML.slice(999)]))).toEqual(
      expected,
    );
  });

  it('rejects malformed XML with the line and column', async () => {
    const mismatched = TABULAR_XML.replace('<desc>Fracture of femur</desc>', '<desc>Fracture of femur</name>');
    await expect(readTabularXml(mismatched)).rejects.toThrow(
      `ICD-10-CM Tabular XML: error at line ${lineOf(mismatched, 'Fracture of femur')}, column 38: unexpected close tag`,
    );
    const truncated = TABULAR_XML.slice(0, TABULAR_XML.indexOf('<chapter>', 600));
    await expect(readTabularXml(Readable.from([Buffer.from(truncated)]))).rejects.toThrow(
      /line \d+, column \d+: unclosed tag: ICD10CM\.tabular/,
    );
  });

  it('rejects invalid UTF-8 in a stream with the position reached', async () => {
    const bytes = Buffer.concat([Buffer.from('<ICD10CM.tabular>\n<version>'), Buffer.from([0xff]), Buffer.from('</version>')]);
    await expect(readTabularXml(Readable.from([bytes]))).rejects.toThrow(/line \d+, column \d+: .*encoded data/);
  });

  it('rejects a document that is not a Tabular List or breaks its structure', async () => {
    await expect(readTabularXml('<ICD10CM.index><version>2017</version></ICD10CM.index>')).rejects.toThrow(
      /line 1, column 15: root element is <ICD10CM.index>, expected <ICD10CM.tabular>/,
    );
    const nameless = TABULAR_XML.replace('<name>E11.22</name>', '');
    // The error is raised where the nameless diag closes.
    const closing = lineOf(nameless, 'Type 2 diabetes mellitus with diabetic chronic kidney disease') + 4;
    await expect(readTabularXml(nameless)).rejects.toThrow(`line ${closing}, column 17: <diag> without a <name>`);
    const outsideSection = '<ICD10CM.tabular><chapter><name>1</name><diag><name>A00</name></diag></chapter></ICD10CM.tabular>';
    await expect(readTabularXml(outsideSection)).rejects.toThrow(/column \d+: <diag> outside a <section>/);
    await expect(readTabularXml(TABULAR_XML.replace('<extension char="S">', '<extension>'))).rejects.toThrow(
      /<extension> without a char attribute/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { collapseWhitespace, readIndexXml } from './read-index-xml.js';

/** A few real entries of the FY2017 Index, trimmed, plus the markup quirks the real file has. */
const INDEX_XML = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.index>
  <version>2017</version>
  <title>ICD-10-CM INDEX TO DISEASES and INJURIES</title>
  <letter>
    <title>A</title>
    <mainTerm>
      <title>Abasia<nemod>(-astasia) (hysterical)</nemod></title>
      <code>F44.4</code>
    </mainTerm>
    <mainTerm>
      <title>Abdominalgia</title>
      <see>Pain, abdominal</see>
    </mainTerm>
    <mainTerm>
      <title>Aberrant<nemod>(congenital)</nemod></title>
      <seeAlso>Malposition, congenital</seeAlso>
      <term level="1">
        <title>artery<nemod>(peripheral)</nemod></title>
        <code>Q27.8</code>
        <term level="2">
          <title>basilar NEC</title>
          <code>Q28.1</code>
        </term>
      </term>
      <term level="1">
        <title>vein<nemod>(peripheral)</nemod> NEC</title>
        <code>Q27.8</code>
      </term>
    </mainTerm>
  </letter>
  <letter>
    <title>D</title>
    <mainTerm>
      <title>Diabetes,
         diabetic <nemod>(mellitus) (sugar)</nemod></title>
      <code>E11.9</code>
      <term level="1">
        <title>type 2</title>
        <code>E11.9</code>
        <term level="2">
          <title>with</title>
          <term level="3">
            <title>autonomic<nemod>(poly)</nemod>neuropathy</title>
            <code>E11.43</code>
          </term>
        </term>
      </term>
    </mainTerm>
    <mainTerm>
      <title>Dermatitis</title>
      <term level="1">
        <title>drug, medicament &amp; biological<nemod>(any)</nemod></title>
        <code>L27.0</code>
      </term>
    </mainTerm>
  </letter>
  <letter>
    <title>C</title>
    <mainTerm>
      <title>Cancer<nemod>(o)</nemod>phobia</title>
      <code>F45.29</code>
    </mainTerm>
    <mainTerm>
      <title>Hypertension</title>
      <term level="1">
        <title>portal</title>
        <term level="2">
          <title>in<nemod>(due to) schistosomiasis (bilharziasis)</nemod></title>
          <code>B65.9</code>
          <manif>K77</manif>
        </term>
      </term>
      <term level="1">
        <title>auricle<nemod>(ear)</nemod>, congenital</title>
        <subcat>H93.3</subcat>
      </term>
      <term level="1">
        <title>infectious disease NEC</title>
        <seecat>M01</seecat>
      </term>
    </mainTerm>
  </letter>
</ICD10CM.index>
`;

async function* chunksOf(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let start = 0; start < buffer.length; start += size) yield buffer.subarray(start, start + size);
}

describe('readIndexXml', () => {
  it('flattens main terms and subterms in document order with parent positions and levels', async () => {
    const { terms, version, source } = await readIndexXml(INDEX_XML, 'index');
    expect(version).toBe('2017');
    expect(source).toBe('index');
    expect(terms.map((t) => [t.id, t.parent, t.level, t.title])).toEqual([
      [0, -1, 0, 'Abasia'],
      [1, -1, 0, 'Abdominalgia'],
      [2, -1, 0, 'Aberrant'],
      [3, 2, 1, 'artery'],
      [4, 3, 2, 'basilar NEC'],
      [5, 2, 1, 'vein NEC'],
      [6, -1, 0, 'Diabetes, diabetic'],
      [7, 6, 1, 'type 2'],
      [8, 7, 2, 'with'],
      [9, 8, 3, 'autonomic neuropathy'],
      [10, -1, 0, 'Dermatitis'],
      [11, 10, 1, 'drug, medicament & biological'],
      [12, -1, 0, 'Cancerphobia'],
      [13, -1, 0, 'Hypertension'],
      [14, 13, 1, 'portal'],
      [15, 14, 2, 'in schistosomiasis'],
      [16, 13, 1, 'auricle, congenital'],
      [17, 13, 1, 'infectious disease NEC'],
    ]);
    expect(terms.every((t) => t.source === 'index')).toBe(true);
  });

  it('keeps nonessential modifiers apart from the title, whitespace collapsed, and essential words a nemod holds in the title', async () => {
    const { terms } = await readIndexXml(INDEX_XML, 'index');
    expect(terms[0]).toMatchObject({ title: 'Abasia', nemod: '(-astasia) (hysterical)' });
    expect(terms[6]).toMatchObject({ title: 'Diabetes, diabetic', nemod: '(mellitus) (sugar)' });
    expect(terms[5]).toMatchObject({ title: 'vein NEC', nemod: '(peripheral)' });
    expect(terms[15]).toMatchObject({ title: 'in schistosomiasis', nemod: '(due to) (bilharziasis)' });
    expect(terms[1].nemod).toBe('');
  });

  it('joins a word around an infix nemod but keeps two words apart around a prefix nemod', async () => {
    const { terms } = await readIndexXml(INDEX_XML, 'index');
    expect(terms[12]).toMatchObject({ title: 'Cancerphobia', nemod: '(o)' });
    expect(terms[9]).toMatchObject({ title: 'autonomic neuropathy', nemod: '(poly)' });
    expect(terms[16]).toMatchObject({ title: 'auricle, congenital', nemod: '(ear)' });
  });

  it('reads code, see, seeAlso, manif, subcat and seecat, and leaves absent ones out', async () => {
    const { terms } = await readIndexXml(INDEX_XML, 'index');
    expect(terms[1]).toMatchObject({ see: 'Pain, abdominal' });
    expect(terms[1]).not.toHaveProperty('code');
    expect(terms[2]).toMatchObject({ seeAlso: 'Malposition, congenital' });
    expect(terms[2]).not.toHaveProperty('see');
    expect(terms[15]).toMatchObject({ code: 'B65.9', manif: 'K77' });
    expect(terms[16]).toMatchObject({ subcat: 'H93.3' });
    expect(terms[17]).toMatchObject({ seeCategory: 'M01' });
    expect(terms[8]).toEqual({ id: 8, parent: 7, level: 2, title: 'with', nemod: '', source: 'index' });
  });

  it('streams Buffer chunks, decoding characters split across chunks', async () => {
    const xml = INDEX_XML.replace('Abasia', 'Legg-Calvé');
    const fromChunks = await readIndexXml(chunksOf(Buffer.from(xml, 'utf8'), 7), 'eindex');
    expect(fromChunks.terms[0].title).toBe('Legg-Calvé');
    expect(fromChunks.terms).toHaveLength(18);
    expect(fromChunks.source).toBe('eindex');
  });

  it('accepts a stream of strings and a byte-order mark', async () => {
    async function* strings() {
      yield '\uFEFF<ICD10CM.index><version>2022</version><letter><title>A</title>';
      yield '<mainTerm><title>Abandonment</title><code>X58</code></mainTerm></letter></ICD10CM.index>';
    }
    const { terms, version } = await readIndexXml(strings(), 'eindex');
    expect(version).toBe('2022');
    expect((await readIndexXml('\uFEFF<ICD10CM.index/>', 'index')).terms).toEqual([]);
    expect(terms).toEqual([{ id: 0, parent: -1, level: 0, title: 'Abandonment', nemod: '', code: 'X58', source: 'eindex' }]);
  });

  it('rejects malformed XML with the line and column', async () => {
    const broken = '<ICD10CM.index>\n<letter>\n  <mainTerm><title>A</titel>\n</ICD10CM.index>';
    await expect(readIndexXml(broken, 'index')).rejects.toThrow(/^Index XML error at line 3, column 28: unexpected close tag/);
  });

  it('rejects a truncated file, another root element and a term at the wrong level', async () => {
    await expect(readIndexXml(INDEX_XML.slice(0, 500), 'index')).rejects.toThrow(/line \d+, column \d+/);
    await expect(readIndexXml('<ICD10CM.tabular/>', 'index')).rejects.toThrow(/root element is <ICD10CM.tabular>/);
    const skipped = INDEX_XML.replace('<term level="2">\n          <title>basilar', '<term level="3">\n          <title>basilar');
    await expect(readIndexXml(skipped, 'index')).rejects.toThrow(/line 21, column \d+: <term level="3"> where level 2 was expected/);
    await expect(readIndexXml('', 'index')).rejects.toThrow(/line 1, column 0: document must contain a root element/);
  });
});

describe('collapseWhitespace', () => {
  it('collapses runs of whitespace and trims', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
  });
});

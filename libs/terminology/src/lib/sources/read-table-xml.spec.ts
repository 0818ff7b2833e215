import { describe, expect, it } from 'vitest';
import { readTableXml } from './read-table-xml.js';

/** Real rows of the FY2022 Neoplasm Table, trimmed, with the `-`, `--`, empty and trailing-space cells the file has. */
const NEOPLASM_XML = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.index>
  <version>2022</version>
  <indexHeading>
    <head col="1">Neoplasm</head>
    <head col="2">Malignant Primary</head>
    <head col="3">Malignant Secondary</head>
    <head col="4">Ca in situ</head>
    <head col="5">Benign</head>
    <head col="6">Uncertain Behavior</head>
    <head col="7">Unspecified Behavior</head>
  </indexHeading>
  <letter>
    <title>N</title>
    <mainTerm>
      <title>Neoplasm, neoplastic</title>
      <cell col="2">C80.1</cell>
      <cell col="3">C79.9</cell>
      <cell col="4">D09.9</cell>
      <cell col="5">D36.9</cell>
      <cell col="6">D48.9</cell>
      <cell col="7">D49.9</cell>
      <term level="1">
        <title>abdomen, abdominal</title>
        <cell col="2">C76.2</cell>
        <cell col="3">C79.8-</cell>
        <cell col="4">D09.8</cell>
        <cell col="5">D36.7</cell>
        <cell col="6">D48.7</cell>
        <cell col="7">D49.89</cell>
        <term level="2">
          <title>wall</title>
          <seeAlso>Neoplasm, abdomen, wall, skin</seeAlso>
          <cell col="2">C44.509 </cell>
          <cell col="3">C79.2-</cell>
          <cell col="4">D04.5</cell>
          <cell col="5">D23.5</cell>
          <cell col="6">D48.5</cell>
          <cell col="7">D49.2</cell>
          <term level="3">
            <title>connective tissue</title>
            <cell col="2">C49.4</cell>
            <cell col="3">C79.8-</cell>
            <cell col="4">-</cell>
            <cell col="5">D21.4</cell>
            <cell col="6">--</cell>
            <cell col="7"></cell>
          </term>
        </term>
      </term>
      <term level="1">
        <title>acoustic nerve</title>
        <cell col="2">C72.4-</cell>
        <cell col="5">D33.3</cell>
      </term>
      <term level="1">
        <title>adenoid<nemod>(pharynx) (tissue)</nemod></title>
        <see>Neoplasm, nasopharynx</see>
      </term>
    </mainTerm>
  </letter>
</ICD10CM.index>
`;

const DRUG_XML = `<ICD10CM.index>
  <version>2022</version>
  <indexHeading>
    <head col="1">Substance</head>
    <head col="2">Poisoning Accidental (unintentional)</head>
    <head col="3">Poisoning Intentional self-harm</head>
    <head col="4">Poisoning Assault</head>
    <head col="5">Poisoning Undetermined</head>
    <head col="6">Adverse effect</head>
    <head col="7">Underdosing</head>
  </indexHeading>
  <letter>
    <title>#</title>
    <mainTerm>
      <title>2,4-D<nemod>(dichlorophen-oxyacetic acid)</nemod></title>
      <cell col="2">T60.3X1</cell>
      <cell col="3">T60.3X2</cell>
      <cell col="4">T60.3X3</cell>
      <cell col="5">T60.3X4</cell>
      <cell col="6">--</cell>
      <cell col="7">--</cell>
    </mainTerm>
    <mainTerm>
      <title>Butane<nemod>(distributed in mobile container)</nemod></title>
      <see>butane</see>
    </mainTerm>
  </letter>
</ICD10CM.index>`;

describe('readTableXml', () => {
  it('reads the headings after the first column and flattens rows like the Index', async () => {
    const table = await readTableXml(NEOPLASM_XML, 'neoplasm');
    expect(table).toMatchObject({ version: '2022', kind: 'neoplasm' });
    expect(table.headings).toEqual([
      'Malignant Primary',
      'Malignant Secondary',
      'Ca in situ',
      'Benign',
      'Uncertain Behavior',
      'Unspecified Behavior',
    ]);
    expect(table.rows.map((r) => [r.id, r.parent, r.level, r.title])).toEqual([
      [0, -1, 0, 'Neoplasm, neoplastic'],
      [1, 0, 1, 'abdomen, abdominal'],
      [2, 1, 2, 'wall'],
      [3, 2, 3, 'connective tissue'],
      [4, 0, 1, 'acoustic nerve'],
      [5, 0, 1, 'adenoid'],
    ]);
  });

  it('indexes cells by column minus 2, as written (dash-ended, trimmed)', async () => {
    const { rows } = await readTableXml(NEOPLASM_XML, 'neoplasm');
    expect(rows[1].cells).toEqual(['C76.2', 'C79.8-', 'D09.8', 'D36.7', 'D48.7', 'D49.89']);
    expect(rows[2].cells[0]).toBe('C44.509');
  });

  it('turns --, -, empty and missing cells into null', async () => {
    const { rows } = await readTableXml(NEOPLASM_XML, 'neoplasm');
    expect(rows[3].cells).toEqual(['C49.4', 'C79.8-', null, 'D21.4', null, null]);
    expect(rows[4].cells).toEqual(['C72.4-', null, null, 'D33.3', null, null]);
    expect(rows[5].cells).toEqual([null, null, null, null, null, null]);
  });

  it('reads see, seeAlso and nonessential modifiers', async () => {
    const { rows } = await readTableXml(NEOPLASM_XML, 'neoplasm');
    expect(rows[2]).toMatchObject({ seeAlso: 'Neoplasm, abdomen, wall, skin' });
    expect(rows[2]).not.toHaveProperty('see');
    expect(rows[5]).toMatchObject({ title: 'adenoid', nemod: '(pharynx) (tissue)', see: 'Neoplasm, nasopharynx' });
  });

  it('reads the Table of Drugs, whose rows are mostly main terms', async () => {
    const table = await readTableXml(DRUG_XML, 'drug');
    expect(table.kind).toBe('drug');
    expect(table.headings[4]).toBe('Adverse effect');
    expect(table.rows[0]).toMatchObject({
      parent: -1,
      level: 0,
      title: '2,4-D',
      nemod: '(dichlorophen-oxyacetic acid)',
      cells: ['T60.3X1', 'T60.3X2', 'T60.3X3', 'T60.3X4', null, null],
    });
    expect(table.rows[1]).toMatchObject({ title: 'Butane', see: 'butane' });
  });

  it('rejects a cell outside the headed columns, and malformed XML with line and column', async () => {
    const extra = DRUG_XML.replace('<cell col="7">--</cell>', '<cell col="7">--</cell><cell col="8">T00</cell>');
    await expect(readTableXml(extra, 'drug')).rejects.toThrow(/"2,4-D" has a cell in column 8/);
    await expect(readTableXml(DRUG_XML.replace('</letter>', '</lettre>'), 'drug')).rejects.toThrow(/line 27, column \d+: unexpected close tag/);
  });
});

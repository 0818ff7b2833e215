import type { CodeProposal } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { dropAlternativeSiblings } from './default-siblings.js';

const proposal = (code: string, title: string, begin = 0, end = 12): CodeProposal => ({
  code,
  title,
  billable: true,
  score: 0.5,
  evidence: [{ begin, end, text: 'x'.repeat(end - begin), section: null }],
  rationale: '',
  alternatives: [],
});

const stage3b = proposal('N18.32', 'Chronic kidney disease, stage 3b');
const stage3 = proposal('N18.30', 'Chronic kidney disease, stage 3 unspecified');

describe('dropAlternativeSiblings', () => {
  it('drops the header default a mention only offered as an alternative beside the sibling it narrowed to', () => {
    const kept = dropAlternativeSiblings([stage3b, stage3, proposal('I10', 'Essential (primary) hypertension', 20, 32)], (code) => code !== 'N18.30');
    expect(kept.map((entry) => entry.code)).toEqual(['N18.32', 'I10']);
  });

  it('drops it where a mention chose it first on words inside the wider words the sibling was read from', () => {
    const dietControlled = proposal('O24.410', 'Gestational diabetes mellitus in pregnancy, diet controlled', 0, 37);
    const unspecifiedControl = proposal('O24.419', 'Gestational diabetes mellitus in pregnancy, unspecified control', 0, 20);
    expect(dropAlternativeSiblings([unspecifiedControl, dietControlled], () => true).map((entry) => entry.code)).toEqual(['O24.410']);
    // Any code of the category read from the wider words, not only a sibling under one header.
    const cigarettes = proposal('F17.210', 'Nicotine dependence, cigarettes, uncomplicated', 0, 31);
    const nicotine = proposal('F17.200', 'Nicotine dependence, unspecified, uncomplicated', 0, 19);
    expect(dropAlternativeSiblings([cigarettes, nicotine], () => true).map((entry) => entry.code)).toEqual(['F17.210']);
    // Overlapping wider words, and a sibling that leaves fewer axes unspecified (the ear, not the kind).
    const leftEar = proposal('H66.92', 'Otitis media, unspecified, left ear', 6, 34);
    const anyEar = proposal('H66.90', 'Otitis media, unspecified, unspecified ear', 0, 18);
    expect(dropAlternativeSiblings([leftEar, anyEar], () => true).map((entry) => entry.code)).toEqual(['H66.92']);
    expect(dropAlternativeSiblings([anyEar, proposal('H66.91', 'Otitis media, unspecified, right ear', 0, 18)], () => true)).toHaveLength(2);
    // Words that begin inside the sibling's and run past them, which the sibling was narrowed by:
    // "Acute suppurative otitis media of right ear".
    const acute = proposal('H66.001', 'Acute suppurative otitis media without spontaneous rupture of ear drum, right ear', 0, 30);
    const suppurative = proposal('H66.41', 'Suppurative otitis media, unspecified, right ear', 6, 43);
    expect(dropAlternativeSiblings([acute, suppurative], () => true).map((entry) => entry.code)).toEqual(['H66.001']);
    expect(dropAlternativeSiblings([proposal('H66.001', acute.title, 6, 30), suppurative], () => true)).toHaveLength(2);
  });

  it('keeps it when a mention chose it first on the same words or on others, or when it rests on words the sibling does not read', () => {
    expect(dropAlternativeSiblings([stage3b, stage3], () => true)).toHaveLength(2);
    expect(dropAlternativeSiblings([stage3b, proposal('N18.30', 'Chronic kidney disease, stage 3 unspecified', 40, 52)], () => true)).toHaveLength(2);
    const elsewhere = proposal('N18.30', 'Chronic kidney disease, stage 3 unspecified', 40, 52);
    expect(dropAlternativeSiblings([stage3b, elsewhere], (code) => code !== 'N18.30')).toHaveLength(2);
  });

  it('never drops a specific code for an unspecified first choice: R59.0 stays beside R59.9', () => {
    const localized = proposal('R59.0', 'Localized enlarged lymph nodes');
    const unspecified = proposal('R59.9', 'Enlarged lymph nodes, unspecified');
    expect(dropAlternativeSiblings([unspecified, localized], (code) => code === 'R59.9')).toHaveLength(2);
  });

  it('drops the codes of its category that a proposed "with" combination names from wider words, and only for a combination', () => {
    const combination = proposal('R11.2', 'Nausea with vomiting, unspecified', 0, 19);
    const nausea = proposal('R11.0', 'Nausea', 0, 6);
    const vomiting = proposal('R11.10', 'Vomiting, unspecified', 11, 19);
    const fever = proposal('R50.9', 'Fever, unspecified', 11, 19);
    const isCombination = (code: string) => code === 'R11.2';
    expect(dropAlternativeSiblings([nausea, vomiting, combination, fever], () => true, isCombination).map((entry) => entry.code)).toEqual(['R11.2', 'R50.9']);
    expect(dropAlternativeSiblings([nausea, vomiting, combination], () => true)).toHaveLength(3);
    // Not where no mention chose the combination first, and never one combination for another.
    const unchosen = dropAlternativeSiblings([nausea, vomiting, combination], (code) => code !== 'R11.2', isCombination).map((entry) => entry.code);
    expect(unchosen).toEqual(expect.arrayContaining(['R11.0', 'R11.10']));
    const other = proposal('R11.15', 'Cyclical vomiting syndrome unrelated to migraine', 0, 19);
    expect(dropAlternativeSiblings([other, combination], () => true, (wider, component) => wider === 'R11.2' && component !== 'R11.15')).toHaveLength(2);
  });

  it('drops a component whose mentions several proposed combinations of its category name between them, and only then', () => {
    const unspecified = proposal('J96.20', 'Acute and chronic respiratory failure, unspecified whether with hypoxia or hypercapnia', 0, 40);
    unspecified.evidence.push({ begin: 50, end: 90, text: 'x'.repeat(40), section: null });
    const hypoxia = proposal('J96.21', 'Acute and chronic respiratory failure with hypoxia', 0, 40);
    const hypercapnia = proposal('J96.22', 'Acute and chronic respiratory failure with hypercapnia', 50, 100);
    const names = (wider: string) => wider !== 'J96.20';
    expect(dropAlternativeSiblings([unspecified, hypoxia, hypercapnia], () => true, names).map((entry) => entry.code)).toEqual(['J96.21', 'J96.22']);
    expect(dropAlternativeSiblings([unspecified, hypoxia], () => true, names).map((entry) => entry.code)).toEqual(['J96.20', 'J96.21']);
  });
});

import { AFFIRMED_ASSERTION, type Assertion, assertEvidenceOffsets } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { PROGRESS_NOTE, assertMentions, docWithMentions } from '../__fixtures__/notes.js';
import { StageOrderError, createDetectorDoc } from '../detector-doc.js';
import { createMention } from '../mentions.js';
import { loadDefaultRules } from '../rules/detector-rules.js';
import { assertContext, findTriggers } from './assert-context.js';

const deps = { rules: loadDefaultRules() };
const only = (flags: Partial<Assertion>): Assertion => ({ ...AFFIRMED_ASSERTION, ...flags });

/** The assertion of the mention `needle` in `text`. */
function assertionOf(text: string, needle: string): Assertion {
  return assertMentions(text, [needle])[0].assertion;
}

describe('assert-context: the cases ConText must get right', () => {
  it.each([
    ['Patient denies chest pain.', 'chest pain', only({ negated: true })],
    ['No evidence of pneumonia on CXR.', 'pneumonia', only({ negated: true })],
    ['Rule out MI.', 'MI', only({ uncertain: true })],
    ['Liver lesions that could correspond to metastases.', 'metastases', only({ uncertain: true })],
    ['History of breast cancer.', 'breast cancer', only({ historical: true })],
    ['Mother had colon cancer.', 'colon cancer', only({ family: true })],
    ['Call us if fever returns.', 'fever', only({ hypothetical: true })],
    ['Return if fever returns.', 'fever', only({ hypothetical: true })],
  ])('%j: %s', (text, needle, expected) => {
    expect(assertionOf(text, needle)).toEqual(expected);
  });

  it('stops a negation at "but": "no fever but has cough"', () => {
    const [fever, cough] = assertMentions('No fever but has cough.', ['fever', 'cough']);
    expect(fever.assertion).toEqual(only({ negated: true }));
    expect(cough.assertion).toEqual(AFFIRMED_ASSERTION);
  });

  it('stops a negation at a clause opened by ", with": "without known allergies, with hypertension"', () => {
    const [allergies, hypertension] = assertMentions('Male without known allergies, with a history of hypertension.', ['allergies', 'hypertension']);
    expect(allergies.assertion).toEqual(only({ negated: true }));
    expect(hypertension.assertion.negated).toBe(false);
  });

  it('stops a backward "negative" at "positive": "HCV positive, HBV negative"', () => {
    const [hcv, hbv] = assertMentions('Serology: HCV positive, HBV negative.', ['HCV', 'HBV']);
    expect(hcv.assertion).toEqual(AFFIRMED_ASSERTION);
    expect(hbv.assertion).toEqual(only({ negated: true }));
  });
});

describe('assert-context: more triggers', () => {
  it.each([
    ['Negative for nausea.', 'nausea', 'negated'],
    ['Extremities without edema.', 'edema', 'negated'],
    ['No signs of infection.', 'infection', 'negated'],
    ['Free of tumor.', 'tumor', 'negated'],
    ['Pneumonia was ruled out.', 'Pneumonia', 'negated'],
    ['Murphy sign absent.', 'Murphy sign', 'negated'],
    ['Pt w/o dysuria.', 'dysuria', 'negated'],
    ['Possible pneumonia.', 'pneumonia', 'uncertain'],
    ['Probable UTI.', 'UTI', 'uncertain'],
    ['Suspected sepsis.', 'sepsis', 'uncertain'],
    ['Questionable infiltrate.', 'infiltrate', 'uncertain'],
    ['Colon cancer screening.', 'Colon cancer', 'uncertain'],
    ['Pneumonia workup in progress.', 'Pneumonia', 'uncertain'],
    ['Cannot exclude fracture.', 'fracture', 'uncertain'],
    ['Malignancy cannot be excluded.', 'Malignancy', 'uncertain'],
    ['H/o stroke.', 'stroke', 'historical'],
    ['Status post appendectomy.', 'appendectomy', 'historical'],
    ['S/p CABG.', 'CABG', 'historical'],
    ['Previous DVT.', 'DVT', 'historical'],
    ['She had a urinary tract infection last year.', 'urinary tract infection', 'historical'],
    ['Pneumonia the year before.', 'Pneumonia', 'historical'],
    ['Father has diabetes.', 'diabetes', 'family'],
    ['Sister with lupus.', 'lupus', 'family'],
    ['Brother died of MI.', 'MI', 'family'],
    ['Family history of glaucoma.', 'glaucoma', 'family'],
    ['Colon cancer in her mother.', 'Colon cancer', 'family'],
    ['Should symptoms worsen, return.', 'symptoms', 'hypothetical'],
    ['Seek care in case of bleeding.', 'bleeding', 'hypothetical'],
    ['Discussed risks of stroke with anticoagulation.', 'stroke', 'hypothetical'],
    ['Flu vaccine given today.', 'Flu', 'hypothetical'],
    ['COVID vaccine declined.', 'COVID', 'hypothetical'],
    ['Vaccinated against pneumococcal pneumonia.', 'pneumonia', 'hypothetical'],
  ])('%j sets %s on "%s"', (text, needle, flag) => {
    expect(assertionOf(text, needle)).toEqual(only({ [flag as keyof Assertion]: true }));
  });

  it('combines categories: "no history of stroke" is negated, "denies history of" both', () => {
    expect(assertionOf('No history of stroke.', 'stroke')).toEqual(only({ negated: true }));
    expect(assertionOf('Denies history of seizures.', 'seizures')).toEqual(only({ negated: true, historical: true }));
  });

  it('lets the longer phrase win: pseudo-triggers assert nothing', () => {
    expect(assertionOf('No change in his diabetes.', 'diabetes')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Gram negative rods in the culture, sepsis.', 'sepsis')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('History of present illness: chest pain.', 'chest pain')).toEqual(AFFIRMED_ASSERTION);
  });

  it('reads a failed treatment or a procedure done without something as no denial of the condition', () => {
    expect(assertionOf('Seen again without improvement of symptoms, reporting increased pain.', 'pain')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Treated for 48 hours without improvement; sinusitis.', 'sinusitis')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('The patient does not improve and starts to present diplopia and seizures.', 'seizures')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Biopsy was not performed and nephrotic syndrome was attributed to amyloidosis.', 'nephrotic syndrome')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('CT without intravenous contrast in the follow-up of her bladder neoplasm.', 'bladder neoplasm')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Hypertension diagnosed 6 months ago without treatment, heart failure for 6 months.', 'heart failure')).toEqual(AFFIRMED_ASSERTION);
    // Without the treatment words, the same shapes still deny.
    expect(assertionOf('Seen again without pain.', 'pain')).toEqual(only({ negated: true }));
    expect(assertionOf('The patient does not have seizures.', 'seizures')).toEqual(only({ negated: true }));
  });

  it('ends a denial where the note turns to what the patient does have', () => {
    expect(assertionOf('There was no fever, only morning cramps in the legs.', 'cramps')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Flank pain without prior trauma, irradiating to epigastric pain.', 'epigastric pain')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('No fever, the patient persists with stupor.', 'stupor')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('There was no fever, only morning cramps.', 'fever')).toEqual(only({ negated: true }));
  });

  it('reads "likely" as qualifying what follows it, and "is likely" what precedes it', () => {
    const [kidney, pneumonia] = assertMentions('Acute kidney injury on CKD stage 3a, likely prerenal. Pneumonia, likely viral.', ['CKD stage 3a', 'Pneumonia']);
    expect(kidney.assertion).toEqual(AFFIRMED_ASSERTION);
    expect(pneumonia.assertion).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Likely pneumonia.', 'pneumonia')).toEqual(only({ uncertain: true }));
    expect(assertionOf('Pneumonia is likely.', 'Pneumonia')).toEqual(only({ uncertain: true }));
  });

  it('denies what a patient "did not present" and a finding "within normal limits"', () => {
    expect(assertionOf('He did not present arthritis.', 'arthritis')).toEqual(only({ negated: true }));
    expect(assertionOf('Microalbuminuria remained within normal limits.', 'Microalbuminuria')).toEqual(only({ negated: true }));
  });

  it('negates every item of a list up to a terminator', () => {
    const text = 'Denies fever, chills, nausea, vomiting; however reports headache.';
    const [fever, vomiting, headache] = assertMentions(text, ['fever', 'vomiting', 'headache']);
    expect(fever.assertion.negated).toBe(true);
    expect(vomiting.assertion.negated).toBe(true);
    expect(headache.assertion.negated).toBe(false);
  });

  it('ends a negation where a comma and a verb start a new clause about the patient', () => {
    const text = 'She reported no allergies or toxic habits, was hypertensive and had hypothyroidism.';
    const [allergies, hypertensive, hypothyroidism] = assertMentions(text, ['allergies', 'hypertensive', 'hypothyroidism']);
    expect(allergies.assertion.negated).toBe(true);
    expect(hypertensive.assertion).toEqual(AFFIRMED_ASSERTION);
    expect(hypothyroidism.assertion).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('He had no fever, chills, nausea or vomiting.', 'vomiting')).toEqual(only({ negated: true }));
  });

  it('reads "no relevant history" as closed: what follows is what the patient has', () => {
    expect(assertionOf('No relevant past medical history, hypertension.', 'hypertension')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('A man with no history of interest, consulted for a painful testicle.', 'painful testicle')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Without personal or family history of interest, admitted for pneumonia.', 'pneumonia')).toEqual(AFFIRMED_ASSERTION);
    // A history of something named is still denied.
    expect(assertionOf('No relevant past medical history of headache.', 'headache')).toEqual(only({ negated: true, historical: true }));
    expect(assertionOf('No previous history of chest pain.', 'chest pain').negated).toBe(true);
  });

  it('does not reach past the sentence or the line', () => {
    expect(assertionOf('No fever. Cough for 3 days.', 'Cough')).toEqual(AFFIRMED_ASSERTION);
    expect(assertionOf('Denies pain\nNausea since morning', 'Nausea')).toEqual(AFFIRMED_ASSERTION);
  });

  it('does not reach beyond maxScope tokens', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    expect(assertionOf(`No ${filler} pneumonia.`, 'pneumonia')).toEqual(AFFIRMED_ASSERTION);
  });

  it('ignores triggers inside the mention itself', () => {
    expect(assertionOf('Diagnosed with no-reflow phenomenon today.', 'no-reflow phenomenon')).toEqual(AFFIRMED_ASSERTION);
  });

  it('applies a trigger that starts before the mention and runs into it: "no history of" before "history of falls"', () => {
    expect(assertionOf('No history of falls.', 'history of falls')).toMatchObject({ negated: true });
    expect(assertionOf('History of falls.', 'History of falls')).toEqual(AFFIRMED_ASSERTION);
  });

  it('records the cues that set each flag, with offsets into the text', () => {
    const text = 'Pt denies chest pain.';
    const [mention] = assertMentions(text, ['chest pain']);
    expect(mention.assertionCues).toEqual([
      { source: 'trigger', category: 'NEGATED_EXISTENCE', literal: 'denies', begin: 3, end: 9 },
    ]);
  });
});

describe('assert-context: section defaults', () => {
  it('makes mentions in a family history FAMILY and in a past medical history HISTORICAL', () => {
    const [copd, cancer, colon] = assertMentions(PROGRESS_NOTE, ['COPD', 'Prostate cancer', 'colon cancer']);
    expect(copd.assertion).toEqual(only({ historical: true }));
    expect(copd.assertionCues).toEqual([{ source: 'section', category: 'HISTORICAL', section: 'past_medical_history' }]);
    expect(cancer.assertion.historical).toBe(true);
    expect(colon.assertion).toEqual(only({ family: true }));
  });

  it('leaves other sections alone and fills in the section of each mention', () => {
    const [crackles, chf] = assertMentions(PROGRESS_NOTE, ['crackles', 'CHF exacerbation']);
    expect(crackles.assertion).toEqual(AFFIRMED_ASSERTION);
    expect(crackles.section).toBe('physical_exam');
    expect(chf.section).toBe('assessment_and_plan');
  });

  it('keeps every mention span on the text', () => {
    const doc = assertContext(docWithMentions(PROGRESS_NOTE, ['SOB', 'chest pain', 'heparin']), deps);
    expect(() => assertEvidenceOffsets(PROGRESS_NOTE, { mentions: doc.mentions })).not.toThrow();
  });
});

describe('assert-context stage', () => {
  it('refuses to run before tokenize and sectionize', () => {
    const text = 'No fever.';
    const doc = { ...createDetectorDoc(text), mentions: [createMention(createDetectorDoc(text), { begin: 3, end: 8 })] };
    expect(() => assertContext(doc, deps)).toThrow(StageOrderError);
  });

  it('does nothing to a doc without mentions but record itself', () => {
    const doc = docWithMentions('No fever.', []);
    const asserted = assertContext(doc, deps);
    expect(asserted.mentions).toEqual([]);
    expect(asserted.completedStages.at(-1)).toBe('assert-context');
  });

  it('stays quick with many mentions and triggers in one long line', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `no fever${i} but cough${i}, `).join('');
    const needles = Array.from({ length: 3000 }, (_, i) => `cough${i},`);
    const doc = docWithMentions(text, needles);
    const started = performance.now();
    const asserted = assertContext(doc, deps);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(asserted.mentions.every((mention) => !mention.assertion.negated)).toBe(true);
  });
});

describe('findTriggers', () => {
  it('finds triggers at word boundaries only, longest first', () => {
    const text = 'Nose: no evidence of polyps; denies.';
    const triggers = findTriggers(text, { begin: 0, end: text.length }, deps.rules.context);
    expect(triggers.map((trigger) => text.slice(trigger.begin, trigger.end))).toEqual(['no evidence of', ';', 'denies']);
  });
});

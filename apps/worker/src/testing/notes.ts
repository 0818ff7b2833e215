/** Synthetic clinical notes (no real patient text) for tests that need many distinct documents. */

const SENTENCES = [
  'Essential hypertension, on lisinopril.',
  'Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a.',
  'Asthma, well controlled. Denies chest pain.',
  'Chronic obstructive pulmonary disease with acute exacerbation.',
  'Hyperlipidemia. Continue atorvastatin.',
  'Major depressive disorder, single episode, moderate.',
  'Atrial fibrillation, rate controlled. No evidence of heart failure.',
  'Acute cystitis without hematuria.',
  'Gastro-esophageal reflux disease without esophagitis.',
  'Osteoarthritis of the right knee.',
  'Iron deficiency anemia secondary to chronic blood loss.',
  'Hypothyroidism, on levothyroxine.',
];

/**
 * `count` different notes: each picks sentences by the bits of its index, so neighbours differ.
 * `repeat` > 1 makes longer documents (about 500 characters per repeat), which take longer to code.
 */
export function syntheticNotes(count: number, repeat = 1): string[] {
  return Array.from({ length: count }, (_, index) => {
    const picked = SENTENCES.filter((_sentence, bit) => ((index + 1) >> bit) & 1 || bit === index % SENTENCES.length);
    const body = Array.from({ length: repeat }, (_unused, round) => `Visit ${round + 1}: ${picked.join(' ')}`);
    return [`Note ${index + 1}.`, 'ASSESSMENT AND PLAN:', ...body].join('\n');
  });
}

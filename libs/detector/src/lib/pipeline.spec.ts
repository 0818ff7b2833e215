import { assertSpanOffsets } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { PROGRESS_NOTE } from './__fixtures__/notes.js';
import type { DetectorDoc, DetectorMention } from './detector-doc.js';
import { createMention } from './mentions.js';
import { TEXT_STAGES, defaultStageDeps, runStages, runStagesOnDoc, stagesThrough } from './pipeline.js';

/** Every span layer of `doc` indexes its text. */
function expectSpansOnText(doc: DetectorDoc): void {
  assertSpanOffsets(doc.text, doc.tokens, 'tokens');
  assertSpanOffsets(doc.text, doc.expansions, 'expansions');
  assertSpanOffsets(doc.text, doc.mentions, 'mentions');
  assertSpanOffsets(doc.text, doc.sections.flatMap((section) => (section.header ? [section.header] : [])), 'headers');
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('TEXT_STAGES', () => {
  it('lists the stages in order, by name', () => {
    expect(TEXT_STAGES.map((stage) => stage.name)).toEqual(['tokenize', 'sectionize', 'expand-abbreviations', 'assert-context']);
  });

  it('cuts the list at a stage with stagesThrough', () => {
    expect(stagesThrough('sectionize').map((stage) => stage.name)).toEqual(['tokenize', 'sectionize']);
    expect(() => stagesThrough('code')).toThrow(/no stage named "code"/);
  });
});

describe('runStages', () => {
  it('fills every layer of a realistic note', () => {
    const doc = runStages(PROGRESS_NOTE);
    expect(doc.completedStages).toEqual(TEXT_STAGES.map((stage) => stage.name));
    expect(doc.tokens.length).toBeGreaterThan(100);
    expect(doc.sentences.length).toBeGreaterThan(15);
    expect(doc.sections.length).toBeGreaterThan(10);
    expect(doc.expansions.length).toBeGreaterThan(10);
    expect(doc.diagnostics).toEqual([]);
    expectSpansOnText(doc);
  });

  it('runs over empty text', () => {
    const doc = runStages('');
    expect(doc.tokens).toEqual([]);
    expect(doc.sections).toEqual([]);
    expect(doc.completedStages).toHaveLength(TEXT_STAGES.length);
  });

  it('runs over text that is not English without breaking offsets', () => {
    const text = 'Varón de 37 años con dolor osteoarticular y fiebre.\r\nAP: HTA, DM tipo 2.\n患者有胸痛。\nПациент жалуется на боль.';
    const doc = runStages(text);
    expectSpansOnText(doc);
    expect(doc.tokens.length).toBeGreaterThan(20);
  });

  it('continues from a doc with mentions added midway', () => {
    const deps = defaultStageDeps();
    const early = runStages(PROGRESS_NOTE, stagesThrough('expand-abbreviations'), deps);
    const begin = PROGRESS_NOTE.indexOf('chest pain');
    const withMention = { ...early, mentions: [createMention(early, { begin, end: begin + 10 })] };
    const done = runStagesOnDoc(withMention, TEXT_STAGES.slice(3), deps);
    expect(done.mentions[0].assertion.negated).toBe(true);
  });
});

describe('runStages on huge input', () => {
  const megabyteNote = (megabytes: number) => {
    const copies = Math.ceil((megabytes * 1_000_000) / (PROGRESS_NOTE.length + 2));
    return Array.from({ length: copies }, () => PROGRESS_NOTE).join('\r\n');
  };

  it('stays linear and quick on a few MB', () => {
    runStages(PROGRESS_NOTE);
    const small = timed(() => runStages(megabyteNote(0.5)));
    const large = timed(() => runStages(megabyteNote(3)));
    expect(large.result.text.length).toBeGreaterThan(3_000_000);
    // Six times the text should take about six times as long; allow for GC and a noisy machine.
    expect(large.ms / small.ms).toBeLessThan(15);
    expect(large.ms).toBeLessThan(30_000);
    expect(large.result.sections.length).toBeGreaterThan(10 * 3000);
    expectSpansOnText(large.result);
  });

  it('asserts thousands of mentions in a few MB quickly', () => {
    const text = megabyteNote(2);
    const deps = defaultStageDeps();
    const early = runStages(text, stagesThrough('expand-abbreviations'), deps);
    const mentions: DetectorMention[] = [];
    for (let at = text.indexOf('chest pain'); at >= 0; at = text.indexOf('chest pain', at + 1)) {
      mentions.push(createMention(early, { begin: at, end: at + 10 }));
    }
    const { result, ms } = timed(() => runStagesOnDoc({ ...early, mentions }, TEXT_STAGES.slice(3), deps));
    expect(result.mentions.length).toBeGreaterThan(2000);
    expect(result.mentions.every((mention) => mention.assertion.negated)).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });
});

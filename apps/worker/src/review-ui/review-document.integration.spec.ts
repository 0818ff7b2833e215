/**
 * End to end in Chromium: a note pasted into the review UI is coded by a real worker; every evidence
 * highlight shows exactly its span of the note; decisions are saved, survive a reload and export as
 * JSON and as a FHIR R4 Bundle. Screenshots go to test-artifacts/review-ui/.
 */
import type { DetectionResult, ReviewDecisions } from '@icd/contracts';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, openPage, readHighlights, screenshot, startReviewUiStack, submitThroughForm, type PageEffects, type ReviewUiStack } from '../testing/review-ui.js';

// Browser globals the page functions below use: they run in Chromium, and this project is typed for Node.
declare const document: { querySelector(selector: string): unknown };
declare function getComputedStyle(element: unknown): { color: string; backgroundColor: string };

const NOTE = [
  'CHIEF COMPLAINT: shortness of breath.',
  'PMH: T2DM with CKD stage 3. History of breast cancer. Mother had colon cancer. Brother had pneumonia.',
  'ASSESSMENT AND PLAN:',
  '1. Essential hypertension. No evidence of heart failure. Possible pneumonia.',
  '2. Hyperlipidemia, continue atorvastatin. Café visit 😀 tomorrow.',
].join('\n');

let stack: ReviewUiStack;
let page: Page;
let effects: PageEffects;
let jobId: string;
let result: DetectionResult;

beforeAll(async () => {
  stack = await startReviewUiStack();
  ({ page, effects } = await openPage(stack.browser));
});

afterAll(async () => {
  await stack?.stop();
});

const api = async <T>(path: string): Promise<T> => (await fetch(`${stack.baseUrl}${path}`)).json() as Promise<T>;
const panelCodes = () => page.locator('.code-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
const item = (code: string) => page.locator(`.code-item[data-code="${code}"]`);

describe('the document view', () => {
  it('highlights every evidence span, each showing exactly note.slice(begin, end)', async () => {
    jobId = await submitThroughForm(page, stack.baseUrl, NOTE, 'visit-42');
    result = await api<DetectionResult>(`/v1/jobs/${jobId}/result`);
    expect(result.codes.length).toBeGreaterThan(2);

    const highlights = await readHighlights(page);
    expect(highlights.length).toBeGreaterThanOrEqual(result.codes.length);
    for (const highlight of highlights) expect(highlight.text, JSON.stringify(highlight)).toBe(NOTE.slice(highlight.begin, highlight.end));
    // Each proposal's evidence is covered by its own highlights, pieces included where spans cross.
    for (const proposal of result.codes) {
      for (const evidence of proposal.evidence) {
        const covered = highlights.filter((h) => h.code === proposal.code && h.begin >= evidence.begin && h.end <= evidence.end);
        expect(covered.reduce((sum, h) => sum + h.end - h.begin, 0), `${proposal.code} ${evidence.text}`).toBe(evidence.end - evidence.begin);
      }
    }
    expect(await page.locator('[data-document]').textContent()).toBe(NOTE);
    expect(await page.locator('h1').textContent()).toBe('visit-42');
    expect(await panelCodes()).toEqual([...result.codes].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).map((code) => code.code));
    await screenshot(page, 'review-laptop', true);
  });

  it('marks sections, and sets negated and family mentions apart with a toggle', async () => {
    expect(await page.locator('.doc-heading').allTextContents()).toEqual(['CHIEF COMPLAINT', 'PMH', 'ASSESSMENT AND PLAN']);
    const negated = page.locator('mark.hl-mention[data-assertion~="negated"]').first();
    expect(await negated.textContent()).toBe('heart failure');
    // A relative's condition with a family-history code is that code's evidence; one without stays a mention apart.
    expect(await page.locator('mark.hl-evidence[data-code="Z80.0"]').first().textContent()).toBe('colon cancer');
    expect(await page.locator('mark.hl-mention[data-assertion~="family"]').first().textContent()).toBe('pneumonia');
    expect(await negated.getAttribute('data-hidden')).toBeNull();

    await page.getByRole('checkbox', { name: /Negated/ }).uncheck();
    expect(await negated.getAttribute('data-hidden')).toBe('');
    expect(await page.locator('[data-document]').textContent()).toBe(NOTE);
    await page.getByRole('checkbox', { name: /Negated/ }).check();
    expect(await negated.getAttribute('data-hidden')).toBeNull();
  });

  it('describes a highlight on hover and on focus: code, title, score, rationale, alternatives', async () => {
    const proposal = result.codes.find((code) => code.alternatives.length > 0) ?? result.codes[0];
    const tooltip = page.locator('#highlight-tooltip');
    await page.locator(`mark[data-code="${proposal.code}"]`).first().hover();
    await tooltip.waitFor({ state: 'visible' });
    const text = (await tooltip.textContent()) ?? '';
    for (const expected of [proposal.code, proposal.title, `${Math.round(proposal.score * 100)}%`, proposal.rationale]) expect(text).toContain(expected);
    for (const alternative of proposal.alternatives) expect(text).toContain(alternative.code);
    await screenshot(page, 'review-tooltip');

    await page.mouse.move(0, 0);
    await page.locator('mark[data-code]').last().focus();
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.textContent()).toContain((await page.locator('mark[data-code]').last().getAttribute('data-code'))!);
  });

  it('scrolls to and flashes a code’s evidence when the code is clicked, and selects a code from its highlight', async () => {
    const [first, second] = await panelCodes();
    await item(first).locator('.code-select').click();
    await expect.poll(() => page.locator(`mark[data-code="${first}"].flash`).count()).toBeGreaterThan(0);
    expect(await page.locator(`mark[data-code="${first}"].is-selected`).count()).toBeGreaterThan(0);

    await page.locator(`mark[data-code="${second}"]`).first().click();
    expect(await item(second).locator('.code-select').getAttribute('aria-current')).toBe('true');
    expect(await item(first).locator('.code-select').getAttribute('aria-current')).toBeNull();
  });

  it('keeps text readable on every highlight and names every control', async () => {
    const colours = await page.locator('[data-document] mark').evaluateAll((marks) => marks.map((mark) => [getComputedStyle(mark).color, getComputedStyle(mark).backgroundColor]));
    for (const [color, background] of colours) expect(contrastRatio(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    const unnamed = await page.locator('button, input, a').evaluateAll((elements) =>
      elements.filter((element) => !(element.getAttribute('aria-label') || element.textContent?.trim() || (element.id && document.querySelector(`label[for="${element.id}"]`)) || element.closest('label'))).length,
    );
    expect(unnamed).toBe(0);
  });
});

describe('review decisions', () => {
  it('accepts, rejects and replaces with buttons and keys, saved through the API and kept after a reload', async () => {
    const [first, second, third] = await panelCodes();
    await item(first).getByRole('button', { name: `Accept ${first}` }).click();
    await page.keyboard.press('j');
    expect(await item(second).locator('.code-select').getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('r');
    await item(third).getByRole('button', { name: `Replace ${third}` }).click();
    await page.getByRole('combobox', { name: `Replacement for ${third}` }).fill('essential hypertension');
    // The search answers as you type: wait for its hits to replace the suggestions shown at first.
    const options = page.getByRole('listbox', { name: `Replacement for ${third}: results` }).getByRole('option');
    await options.filter({ hasText: 'Essential (primary) hypertension' }).first().waitFor();
    const chosen = await options.first().getAttribute('data-code');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    const expectedStatuses = { [first]: 'accepted', [second]: 'rejected', [third]: 'replaced' };
    const saved = async () => (await api<ReviewDecisions>(`/v1/jobs/${jobId}/review`)).decisions;
    await expect.poll(async () => Object.fromEntries((await saved()).map((decision) => [decision.code, decision.status]))).toEqual(expectedStatuses);
    await expect.poll(() => page.locator('.save-state').getAttribute('data-save-state')).toBe('saved');
    const replacement = (await saved()).find((decision) => decision.status === 'replaced');
    expect(replacement?.status === 'replaced' && replacement.replacement).toEqual({ code: chosen, title: expect.any(String) });

    await page.reload();
    await page.locator('.review-page[data-state="ready"]').waitFor();
    expect(await item(first).getByRole('button', { name: `Accept ${first}` }).getAttribute('aria-pressed')).toBe('true');
    expect(await item(second).getByRole('button', { name: `Reject ${second}` }).getAttribute('aria-pressed')).toBe('true');
    expect(await item(third).locator('.decision-note').textContent()).toContain(`Replaced by ${chosen}`);
    expect(await page.locator(`mark[data-code="${second}"]`).first().getAttribute('data-decision')).toBe('rejected');
    await screenshot(page, 'review-decisions');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'review-wide');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('exports the reviewed codes as a FHIR R4 Bundle of ICD-10-CM Conditions, and as JSON', async () => {
    const decisions = (await api<ReviewDecisions>(`/v1/jobs/${jobId}/review`)).decisions;
    const kept = decisions.flatMap((decision) => (decision.status === 'accepted' ? [decision.code] : decision.status === 'replaced' ? [decision.replacement.code] : []));
    const fhir = await download(page, 'Export FHIR R4');
    expect(fhir.resourceType).toBe('Bundle');
    expect(fhir.type).toBe('collection');
    expect(fhir.entry.map((entry: { resource: { resourceType: string } }) => entry.resource.resourceType)).toEqual(kept.map(() => 'Condition'));
    for (const entry of fhir.entry) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:/);
      expect(entry.resource.code.coding[0].system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
      expect(entry.resource.subject.display).toContain('visit-42');
    }
    expect(fhir.entry.map((entry: { resource: { code: { coding: { code: string }[] } } }) => entry.resource.code.coding[0].code).sort()).toEqual([...kept].sort());

    const json = await download(page, 'Export JSON');
    expect(json).toMatchObject({ jobId, externalId: 'visit-42', terminology: { system: 'ICD-10-CM' } });
    expect(json.codes.map((code: { code: string }) => code.code).sort()).toEqual([...kept].sort());
    expect(json.rejected).toHaveLength(1);
    expect(effects.errors).toEqual([]);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed export, checked field by field
async function download(target: Page, buttonName: string): Promise<any> {
  const [file] = await Promise.all([target.waitForEvent('download'), target.getByRole('button', { name: buttonName }).click()]);
  return JSON.parse(await readFile((await file.path())!, 'utf8'));
}

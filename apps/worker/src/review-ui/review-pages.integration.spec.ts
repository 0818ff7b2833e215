/**
 * End to end in Chromium: the job list with dropped .txt files, a note full of markup that must stay
 * text and run nothing, deep links, and the code lookup page. Screenshots go to test-artifacts/review-ui/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, startReviewUiStack, submitThroughForm, type PageEffects, type ReviewUiStack } from '../testing/review-ui.js';

let stack: ReviewUiStack;
let page: Page;
let effects: PageEffects;

beforeAll(async () => {
  stack = await startReviewUiStack();
  ({ page, effects } = await openPage(stack.browser));
});

afterAll(async () => {
  await stack?.stop();
});

const rowOf = (label: string) => page.locator('.job-table tbody tr', { has: page.getByRole('link', { name: label, exact: true }) });

describe('the job list', () => {
  it('submits chosen and dropped .txt files, one job each, and follows their status live', async () => {
    await page.goto(`${stack.baseUrl}/`);
    // Open local mode (no API keys): no key is asked for, and the header offers none.
    expect(await page.locator('[data-api-key]').isVisible()).toBe(false);
    await page.locator('#note-files').setInputFiles([
      { name: 'visit-a.txt', mimeType: 'text/plain', buffer: Buffer.from('ASSESSMENT: Essential hypertension.\n') },
      { name: 'visit-b.txt', mimeType: 'text/plain', buffer: Buffer.from('Type 2 diabetes mellitus with diabetic chronic kidney disease.\n') },
    ]);
    await expect.poll(() => page.locator('.submit-status').textContent()).toContain('visit-b.txt: submitted');

    // A drop carries files in a DataTransfer, as dragging them from the desktop does.
    const dropped = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['PMH: asthma, COPD.\\n'], 'visit-c.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['%PDF-1.4'], 'scan.pdf', { type: 'application/pdf' }));
      return transfer;
    })()`);
    await page.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => page.locator('.submit-status').textContent()).toContain('scan.pdf: skipped, not a .txt file');

    expect(await page.getByRole('dialog').count()).toBe(0);
    for (const label of ['visit-a.txt', 'visit-b.txt', 'visit-c.txt']) {
      await expect.poll(() => rowOf(label).getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
      expect(await rowOf(label).locator('.badge').textContent()).toBe('Ready');
    }
    const labels = await page.locator('.job-table tbody th a').allTextContents();
    expect(labels.indexOf('visit-c.txt')).toBeLessThan(labels.indexOf('visit-a.txt'));
    await screenshot(page, 'home-job-list');

    await rowOf('visit-b.txt').getByRole('link').click();
    await page.locator('.review-page[data-state="ready"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('visit-b.txt');
    expect(await page.locator('[data-document]').textContent()).toBe('Type 2 diabetes mellitus with diabetic chronic kidney disease.\n');
  });
});

describe('the encounter setting', () => {
  const NOTE = 'ASSESSMENT: Probable community-acquired pneumonia. Cough.\n';
  const panelCodes = () => page.locator('.code-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));

  it('codes a probable diagnosis as established for an inpatient note only', async () => {
    await submitThroughForm(page, stack.baseUrl, NOTE, 'outpatient visit');
    expect(await panelCodes()).toContain('R05.9');
    expect(await panelCodes()).not.toContain('J18.9');

    await submitThroughForm(page, stack.baseUrl, NOTE, 'inpatient stay', 'Inpatient');
    expect(await panelCodes()).toContain('J18.9');
    await screenshot(page, 'review-inpatient-uncertain');
  });
});

describe('untrusted text', () => {
  const NOTE = [
    'Pt seen today. <script>window.__pwned = 1; alert("script ran")</script> Asthma.',
    '<img src="x" onerror="window.__pwned = 2; alert(\'img ran\')"><b>bold</b> essential hypertension &amp; <a href="javascript:alert(3)">link</a>',
    '<svg onload="alert(4)"></svg> <iframe src="javascript:alert(5)"></iframe>',
  ].join('\n');
  const LABEL = '<img src=y onerror="alert(6)">';

  it('shows a note full of markup literally, as text, and runs none of it', async () => {
    const dialogsBefore = effects.dialogs.length;
    const response = await page.goto(`${stack.baseUrl}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await submitThroughForm(page, stack.baseUrl, NOTE, LABEL);

    const document = page.locator('[data-document]');
    expect(await document.textContent()).toBe(NOTE);
    for (const tag of ['script', 'img', 'b', 'a', 'svg', 'iframe']) expect(await document.locator(tag).count(), tag).toBe(0);
    expect(await page.locator('h1').textContent()).toBe(LABEL);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await screenshot(page, 'review-untrusted-markup');

    await page.getByRole('link', { name: '← All notes' }).click();
    await rowOf(LABEL).waitFor();
    expect(await page.locator('.job-table img').count()).toBe(0);
    // Give any injected handler time to fire before concluding that none did.
    await page.waitForTimeout(300);
    expect(effects.dialogs.slice(dialogsBefore)).toEqual([]);
    expect(effects.console.filter((line) => /pwned|ran|Refused/.test(line))).toEqual([]);
    expect(effects.errors).toEqual([]);
  });
});

describe('deep links', () => {
  it('opens a review by its URL, and says so when the job does not exist', async () => {
    await page.goto(`${stack.baseUrl}/review/no-such-job`);
    await page.locator('.review-page[data-state="failed"]').waitFor({ state: 'attached' });
    expect(await page.locator('.job-meta').textContent()).toContain('No such note');
  });
});

describe('the code lookup', () => {
  it('shows a code: title, billable, breadcrumbs, notes and the Index entries that lead to it, all linked', async () => {
    await page.goto(`${stack.baseUrl}/codes/E11.22`);
    await page.locator('.code-content[data-state="ready"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('E11.22 Type 2 diabetes mellitus with diabetic chronic kidney disease');
    expect(await page.locator('.badge.billable').textContent()).toBe('Billable');
    const crumbs = await page.locator('.breadcrumbs li').allTextContents();
    expect(crumbs[0]).toMatch(/^Chapter 4/);
    expect(crumbs.slice(-3)).toEqual(['E11 Type 2 diabetes mellitus', 'E11.2 Type 2 diabetes mellitus with kidney complications', 'E11.22']);
    expect(await page.locator('.record-section h2').allTextContents()).toEqual(expect.arrayContaining(['Notes that apply from above', 'Index entries that lead here']));
    expect(await page.locator('.index-entries a[href^="/codes?q="]').count()).toBeGreaterThan(0);
    expect(await page.locator('.inherited a[href^="/codes/"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'codes-e11-22', true);

    await page.locator('.breadcrumbs').getByRole('link', { name: /^E11 / }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('E11 Type 2 diabetes mellitus');
    expect(await page.locator('.badge.not-billable').count()).toBe(1);
    expect(await page.locator('.code-children a').allTextContents()).toContain('E11.9 Type 2 diabetes mellitus without complications');
  });

  it('lists seventh characters, and searches as you type', async () => {
    await page.goto(`${stack.baseUrl}/codes/S72.001`);
    await page.locator('.code-content[data-state="ready"]').waitFor();
    expect(await page.locator('.seventh-table tbody tr').count()).toBeGreaterThan(5);

    await page.getByRole('combobox', { name: 'Search ICD-10-CM codes' }).fill('asthma');
    const option = page.getByRole('option').filter({ hasText: /asthma/i }).first();
    await option.waitFor();
    const code = await option.getAttribute('data-code');
    await screenshot(page, 'codes-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/codes/${code}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(code!);
  });
});

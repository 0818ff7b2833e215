/**
 * End to end in Chromium with authentication on (API_KEYS): the review UI asks for a key on the
 * API's first 401, says so when a key is refused, keeps the accepted key for the tab only, and shows
 * each tenant its own notes. Also: the API docs page runs under its policy. Screenshots go to
 * test-artifacts/review-ui/.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, readHighlights, screenshot, startReviewUiStack, submitThroughForm, type PageEffects, type ReviewUiStack } from '../testing/review-ui.js';

const ACME_KEY = `icd10_${randomBytes(32).toString('base64url')}`;
const GLOBEX_KEY = `icd10_${randomBytes(32).toString('base64url')}`;
const NOTE = 'ASSESSMENT: Essential hypertension. Type 2 diabetes mellitus with diabetic chronic kidney disease.';

let stack: ReviewUiStack;
let page: Page;
let effects: PageEffects;
let acmeJob: string;

beforeAll(async () => {
  stack = await startReviewUiStack({ API_KEYS: `acme:${ACME_KEY},globex:${GLOBEX_KEY}` });
  ({ page, effects } = await openPage(stack.browser));
});

afterAll(async () => {
  await stack?.stop();
});

const dialog = () => page.getByRole('dialog', { name: 'API key required' });

async function enterKey(target: Page, key: string): Promise<void> {
  await target.getByRole('dialog', { name: 'API key required' }).waitFor();
  await target.getByLabel('API key', { exact: true }).fill(key);
  await target.getByRole('button', { name: 'Use this key' }).click();
}

describe('the API key prompt', () => {
  it('asks for a key when the API answers 401, and says so when a key is refused', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await dialog().waitFor();
    expect(await dialog().locator('[role="alert"]').textContent()).toContain('asks for an API key');
    expect(await page.getByLabel('API key', { exact: true }).getAttribute('type')).toBe('password');
    await screenshot(page, 'api-key-prompt');

    await enterKey(page, 'icd10_not-the-right-key-000000000000000');
    await expect.poll(() => dialog().locator('[role="alert"]').textContent()).toContain('The key was not accepted: the API key is not valid');
    expect(await page.evaluate('sessionStorage.getItem("icd10.apiKey")')).toBeNull();

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('.job-list .problem').textContent()).toContain('An API key is needed');
    // Without a key nothing is known about the notes: neither "no notes yet" nor an empty table.
    expect(await page.locator('.job-list .empty').isVisible()).toBe(false);
    expect(await page.locator('.job-table').isVisible()).toBe(false);
    // Dismissed: the list keeps polling, but the prompt only comes back from the header's button.
    await page.waitForTimeout(300);
    expect(await dialog().isVisible()).toBe(false);
  });

  it('codes notes once the key is given, and keeps the key for the tab across reloads', async () => {
    await page.getByRole('button', { name: 'API key' }).click();
    await enterKey(page, ACME_KEY);
    await dialog().waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'API key: set' }).count()).toBe(1);
    await expect.poll(() => page.locator('.job-list .problem').textContent()).toBe('');

    acmeJob = await submitThroughForm(page, stack.baseUrl, NOTE, 'acme-visit');
    const highlights = await readHighlights(page);
    expect(highlights.length).toBeGreaterThan(0);
    for (const highlight of highlights) expect(highlight.text).toBe(NOTE.slice(highlight.begin, highlight.end));

    await page.reload();
    await page.locator('.review-page[data-state="ready"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('acme-visit');
    expect(await dialog().isVisible()).toBe(false);
    await screenshot(page, 'api-key-review');
  });

  it("shows another tenant none of acme's notes, in another tab of its own", async () => {
    const other = await openPage(stack.browser);
    try {
      await other.page.goto(`${stack.baseUrl}/review/${encodeURIComponent(acmeJob)}`);
      // A new tab: sessionStorage is its own, so it is asked for a key again.
      await enterKey(other.page, GLOBEX_KEY);
      await other.page.locator('.review-page[data-state="failed"]').waitFor({ state: 'attached' });
      expect(await other.page.locator('.job-meta').textContent()).toContain('No such note');

      await other.page.getByRole('link', { name: 'Notes', exact: true }).click();
      await expect.poll(() => other.page.locator('.job-list .empty').isVisible()).toBe(true);
      expect(await other.page.locator('.job-table tbody tr').count()).toBe(0);
      expect(other.effects.errors).toEqual([]);
    } finally {
      await other.page.context().close();
    }
    // acme's tab still has its list.
    await page.goto(`${stack.baseUrl}/`);
    await page.locator('.job-table tbody tr', { hasText: 'acme-visit' }).waitFor();
  });

  it('forgets the key on request', async () => {
    await page.getByRole('button', { name: 'API key: set' }).click();
    await page.getByRole('button', { name: 'Forget key' }).click();
    expect(await page.evaluate('sessionStorage.getItem("icd10.apiKey")')).toBeNull();
    await expect.poll(() => page.locator('.job-list .problem').textContent()).toContain('An API key is needed');
    expect(await page.getByRole('button', { name: 'API key', exact: true }).count()).toBe(1);
    expect(effects.errors).toEqual([]);
  });
});

describe('the API docs page', () => {
  it('renders Swagger UI under its content security policy, with the Bearer key to authorize', async () => {
    const docs = await openPage(stack.browser);
    try {
      await docs.page.goto(`${stack.baseUrl}/docs`);
      await docs.page.locator('.swagger-ui .info .title').waitFor();
      await docs.page.getByRole('button', { name: /Authorize/ }).first().waitFor();
      await docs.page.waitForTimeout(300);
      expect(docs.effects.console.filter((line) => /Content Security Policy|Refused/i.test(line))).toEqual([]);
      expect(docs.effects.errors).toEqual([]);
      await screenshot(docs.page, 'api-docs');
    } finally {
      await docs.page.context().close();
    }
  });
});

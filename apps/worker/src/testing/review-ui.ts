/**
 * The review UI under test as a coder would use it: the API and a worker as processes (the real
 * detector, a private queue on the test Redis) and Debian's Chromium driven by playwright-core.
 * Nothing downloads a browser: CHROMIUM_PATH or /usr/bin/chromium is used, or the tests fail saying so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from './test-queue.js';
import { settleAll, startWorkerProcess, type WorkerProcess } from './worker-process.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Screenshots of the main views, kept for people to look at (git-ignored). */
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts', 'review-ui');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps trying to reach Google, which this network refuses. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A laptop screen: the smallest the layout is made for. */
export const LAPTOP_VIEWPORT = { width: 1366, height: 768 };

export interface ReviewUiStack {
  baseUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** `apiEnv` is added to the API's environment only, e.g. `API_KEYS` to run it with authentication. */
export async function startReviewUiStack(apiEnv: Record<string, string> = {}): Promise<ReviewUiStack> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const redisUrl = testRedisUrl();
  const queuePrefix = randomQueuePrefix();
  const env = { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix };
  let api: ApiProcess | undefined;
  let worker: WorkerProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await Promise.allSettled([browser?.close(), api?.stop(), worker?.stop()]);
    await deleteKeysUnder(redisUrl, queuePrefix);
  };
  try {
    await settleAll([
      startApiProcess({ ...env, ...apiEnv }).then((started) => (api = started)),
      startWorkerProcess(env).then((started) => (worker = started)),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).then((started) => (browser = started)),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: api!.baseUrl, browser: browser!, stop };
}

/** What a page did that a test may want to rule out: dialogs (dismissed at once), console output, errors. */
export interface PageEffects {
  dialogs: string[];
  console: string[];
  errors: string[];
}

export async function openPage(browser: Browser, viewport = LAPTOP_VIEWPORT): Promise<{ page: Page; effects: PageEffects }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const effects: PageEffects = { dialogs: [], console: [], errors: [] };
  page.on('dialog', (dialog) => {
    effects.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => effects.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => effects.errors.push(error.message));
  return { page, effects };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

export interface RenderedHighlight {
  code: string;
  begin: number;
  end: number;
  text: string;
}

/** Every evidence highlight element as rendered, in document order. */
export async function readHighlights(page: Page): Promise<RenderedHighlight[]> {
  return page.locator('[data-document] mark[data-code]').evaluateAll((marks) =>
    marks.map((mark) => ({
      code: mark.getAttribute('data-code') ?? '',
      begin: Number(mark.getAttribute('data-begin')),
      end: Number(mark.getAttribute('data-end')),
      text: mark.textContent ?? '',
    })),
  );
}

/** Submits a note through the paste form and waits for its review page to show the coded note. */
export async function submitThroughForm(page: Page, baseUrl: string, text: string, label?: string, setting?: 'Inpatient' | 'Outpatient'): Promise<string> {
  await page.goto(`${baseUrl}/`);
  if (setting !== undefined) await page.getByLabel('Encounter setting').selectOption({ label: setting });
  await page.getByLabel('Note text').fill(text);
  if (label !== undefined) await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Code this note' }).click();
  await page.waitForURL(/\/review\/[\w-]+$/);
  await page.locator('.review-page[data-state="ready"]').waitFor({ timeout: 30_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
}

/** WCAG contrast ratio of two `rgb(…)`/`rgba(…)` colours as getComputedStyle reports them. */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

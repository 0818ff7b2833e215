/**
 * Vitest global setup for the projects whose tests open the review UI in a browser: builds apps/web
 * when its sources changed since the last build (a no-op otherwise, well under a second either way).
 */
import { ensureWebBuild } from '../web-build.js';

export default function setupWebBuild(): void {
  ensureWebBuild({ log: (message) => process.stderr.write(`test setup: ${message}\n`) });
}

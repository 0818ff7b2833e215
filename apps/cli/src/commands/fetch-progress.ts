import path from 'node:path';
import type { FetchProgress, FetchProgressListener } from '@icd/terminology';

/** Where progress goes: stderr, or a fake in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  /** A terminal gets one redrawn bar per download; a log or pipe gets a line every tenth. */
  isTTY?: boolean;
}

const BAR_WIDTH = 30;
const REDRAW_INTERVAL_MS = 100;
/** Without a Content-Length, a log line every this many bytes. */
const UNSIZED_LINE_BYTES = 5 * 1024 * 1024;

/** Prints {@link FetchProgress} events for a person: a progress bar on a terminal, periodic lines elsewhere. */
export function createFetchProgressPrinter(output: ProgressOutput): FetchProgressListener {
  const downloads = output.isTTY ? terminalBar(output) : downloadLines(output);
  return (event) => {
    if (event.phase === 'download-start' || event.phase === 'download' || event.phase === 'download-done') downloads(event);
    else {
      const line = describeEvent(event);
      if (line) output.write(`terminology: ${line}\n`);
    }
  };
}

type DownloadEvent = Extract<FetchProgress, { phase: 'download-start' | 'download' | 'download-done' }>;

function terminalBar(output: ProgressOutput): (event: DownloadEvent) => void {
  let lastDrawn = 0;
  return (event) => {
    if (event.phase === 'download-start') output.write(`terminology: downloading ${event.url}\n`);
    else if (event.phase === 'download-done') output.write(`\r\x1b[2K${event.file} ${formatBytes(event.bytes)} done\n`);
    else if (performance.now() - lastDrawn >= REDRAW_INTERVAL_MS) {
      lastDrawn = performance.now();
      output.write(`\r\x1b[2K${event.file} ${bar(event.downloadedBytes, event.totalBytes)}`);
    }
  };
}

function downloadLines(output: ProgressOutput): (event: DownloadEvent) => void {
  let nextStep = 0;
  return (event) => {
    if (event.phase === 'download-start') {
      nextStep = 1;
      output.write(`terminology: downloading ${event.url}${event.totalBytes === undefined ? '' : ` (${formatBytes(event.totalBytes)})`}\n`);
    } else if (event.phase === 'download-done') {
      output.write(`terminology: ${event.file}: ${formatBytes(event.bytes)} downloaded\n`);
    } else {
      // Tenths of the total when known, else every few megabytes.
      const step = event.totalBytes ? Math.floor((event.downloadedBytes / event.totalBytes) * 10) : Math.floor(event.downloadedBytes / UNSIZED_LINE_BYTES);
      if (step < nextStep || event.downloadedBytes === event.totalBytes) return;
      nextStep = step + 1;
      output.write(`terminology: ${event.file}: ${bar(event.downloadedBytes, event.totalBytes)}\n`);
    }
  };
}

function bar(downloaded: number, total: number | undefined): string {
  if (!total) return `${formatBytes(downloaded)}`;
  const fraction = Math.min(1, downloaded / total);
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(fraction * 100)}% ${formatBytes(downloaded)} of ${formatBytes(total)}`;
}

/** The line for a non-download event, or undefined for events not worth a line (each PDF left out). */
export function describeEvent(event: FetchProgress): string | undefined {
  switch (event.phase) {
    case 'verified':
      return `${event.file}: SHA-256 matches the manifest`;
    case 'unpinned':
      return `warning: ${event.file} is not pinned in the manifest; its SHA-256 is ${event.sha256} (check it, then pin it)`;
    case 'skip':
      return event.reason === 'unsafe-path' ? `warning: ${event.file}: refused entry ${event.entry} (absolute path or "..")` : undefined;
    case 'extract':
      return `${event.file}: extracting ${event.entry}`;
    case 'missing-kind':
      return `warning: ${event.file} held no ${event.kind} file, though the manifest says it should`;
    case 'install':
      return `installed ${path.basename(event.path)}`;
    default:
      return undefined;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

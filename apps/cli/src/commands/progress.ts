import { SingleBar, Presets } from 'cli-progress';

export interface ProgressReporter {
  tick(): void;
  done(): void;
}

/**
 * A progress bar on stderr for long runs; on a terminal it redraws, elsewhere (CI, pipes) it
 * prints nothing but a final line, so logs stay readable.
 */
export function createProgressReporter(label: string, total: number): ProgressReporter {
  if (total < 2) return { tick: () => undefined, done: () => undefined };
  if (!process.stderr.isTTY) {
    let count = 0;
    return {
      tick: () => void (count += 1),
      done: () => void process.stderr.write(`${label}: ${count}/${total} documents\n`),
    };
  }
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { tick: () => bar.increment(), done: () => bar.stop() };
}

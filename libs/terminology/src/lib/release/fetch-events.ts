import type { SourceKind } from '../model-types.js';

/** What went wrong while fetching a release; lets callers (and tests) tell failures apart without parsing messages. */
export type ReleaseFetchFailure =
  | 'manifest'
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'truncated'
  | 'hash-mismatch'
  | 'unpinned'
  | 'bad-zip'
  | 'duplicate-entry'
  | 'no-order-file';

/** A release could not be fetched; the message says which file and what to do. */
export class ReleaseFetchError extends Error {
  override name = 'ReleaseFetchError';

  constructor(
    readonly failure: ReleaseFetchFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Progress of {@link fetchRelease}, for a progress bar or log lines. */
export type FetchProgress =
  | { phase: 'download-start'; file: string; url: string; totalBytes?: number }
  /** Sent for every chunk received: throttle before printing. */
  | { phase: 'download'; file: string; downloadedBytes: number; totalBytes?: number }
  | { phase: 'download-done'; file: string; bytes: number }
  | { phase: 'verified'; file: string; sha256: string }
  /** The manifest pins no hash and `allowUnpinned` was set: `sha256` is what a maintainer should check and pin. */
  | { phase: 'unpinned'; file: string; sha256: string }
  | { phase: 'extract'; file: string; entry: string; kind: SourceKind }
  /** An entry left out: not a file the loader reads (PDFs, XSDs), or a path that could escape the folder. */
  | { phase: 'skip'; file: string; entry: string; reason: 'not-recognised' | 'unsafe-path' }
  | { phase: 'missing-kind'; file: string; kind: SourceKind }
  | { phase: 'install'; path: string };

/** Called with each {@link FetchProgress} event. */
export type FetchProgressListener = (event: FetchProgress) => void;

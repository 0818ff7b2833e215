import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ReleaseFetchError, type FetchProgressListener } from './fetch-events.js';

/** One file to download and where to put it. */
export interface DownloadRequest {
  /** The name shown in messages and progress events. */
  name: string;
  url: string;
  destination: string;
  /** Give up when no response or no data arrives for this long. */
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress: FetchProgressListener;
}

/** What was written: the size and the SHA-256 of the bytes, hashed while they streamed in. */
export interface DownloadedFile {
  bytes: number;
  sha256: string;
}

/**
 * Streams `url` into `destination`, hashing on the way. Fails with a {@link ReleaseFetchError}
 * on an HTTP error status, a network error, a stall longer than `timeoutMs`, or a short body.
 * The caller owns `destination` and removes it on failure.
 */
export async function downloadFile(request: DownloadRequest): Promise<DownloadedFile> {
  const watchdog = new StallWatchdog(request.timeoutMs, request.signal);
  try {
    const response = await fetch(request.url, { signal: watchdog.signal });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ReleaseFetchError(
        'http',
        `downloading ${request.name} failed: HTTP ${response.status} ${response.statusText} from ${request.url}` +
          (response.status === 404 ? ' (the CDC may have renamed or moved the file: check the release page and sources.json)' : ''),
      );
    }
    const totalBytes = expectedLength(response.headers);
    request.onProgress({ phase: 'download-start', file: request.name, url: request.url, totalBytes });
    const hash = createHash('sha256');
    let bytes = 0;
    const counted = async function* (body: AsyncIterable<Uint8Array>) {
      for await (const chunk of body) {
        watchdog.touch();
        hash.update(chunk);
        bytes += chunk.byteLength;
        request.onProgress({ phase: 'download', file: request.name, downloadedBytes: bytes, totalBytes });
        yield chunk;
      }
    };
    await pipeline(counted(response.body), createWriteStream(request.destination));
    if (totalBytes !== undefined && bytes !== totalBytes) {
      throw new ReleaseFetchError('truncated', `downloading ${request.name} failed: got ${bytes} of ${totalBytes} bytes from ${request.url}`);
    }
    request.onProgress({ phase: 'download-done', file: request.name, bytes });
    return { bytes, sha256: hash.digest('hex') };
  } catch (error) {
    throw describeFailure(error, request, watchdog);
  } finally {
    watchdog.stop();
  }
}

/** The body length, when the server says it and the body is not re-encoded on the way. */
function expectedLength(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding');
  if (encoding && encoding !== 'identity') return undefined;
  const length = Number(headers.get('content-length') ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** Aborts the request when nothing arrives for `timeoutMs`, or when the caller's signal fires. */
class StallWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  timedOut = false;

  constructor(
    readonly timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    if (outer?.aborted) this.controller.abort(outer.reason);
    outer?.addEventListener('abort', this.forwardAbort, { once: true });
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error(`no data for ${this.timeoutMs} ms`));
    }, this.timeoutMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.forwardAbort);
  }

  private readonly forwardAbort = () => this.controller.abort(this.outer?.reason);
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (is this machine online?)',
  EAI_AGAIN: 'host name lookup failed (is this machine online?)',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection lost',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

function describeFailure(error: unknown, request: DownloadRequest, watchdog: StallWatchdog): Error {
  if (error instanceof ReleaseFetchError) return error;
  // A local write failure (disk full, permissions) carries its own clear message and path.
  if (typeof (error as NodeJS.ErrnoException).path === 'string') return error as Error;
  const prefix = `downloading ${request.name} from ${request.url} failed`;
  if (watchdog.timedOut) {
    return new ReleaseFetchError('timeout', `${prefix}: no data for ${watchdog.timeoutMs} ms (a slow link may need a longer --timeout)`, {
      cause: error,
    });
  }
  if (request.signal?.aborted) return new ReleaseFetchError('aborted', `${prefix}: interrupted`, { cause: error });
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = (code && NETWORK_CODES[code]) ?? (typeof cause?.message === 'string' ? cause.message : (error as Error).message);
  return new ReleaseFetchError('network', `${prefix}: ${detail}${code ? ` (${code})` : ''}`, { cause: error });
}

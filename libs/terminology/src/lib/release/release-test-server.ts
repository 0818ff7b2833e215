/**
 * Test support for release fetching: a real HTTP server on 127.0.0.1 serving fixed routes, and
 * zips built in memory. Not part of the library's runtime API.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';

/** How the test server answers one path. */
export interface TestRoute {
  status?: number;
  body?: Uint8Array;
  /** Send the headers and this many bytes of the body, then go silent (for timeouts). */
  stallAfterBytes?: number;
}

/** A running test server. */
export interface ReleaseTestServer {
  /** The absolute URL of a path on this server. */
  url(pathname: string): string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with an OS-chosen port; unknown paths get 404. */
export async function startReleaseServer(routes: Record<string, TestRoute>): Promise<ReleaseTestServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(pathname);
    answer(response, routes[pathname] ?? { status: 404, body: strToU8('not found') });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${encodeURI(pathname)}`,
    requests,
    close: () => closeServer(server),
  };
}

function answer(response: ServerResponse, route: TestRoute): void {
  const body = route.body ?? new Uint8Array();
  response.writeHead(route.status ?? 200, { 'content-type': 'application/zip', 'content-length': body.byteLength });
  if (route.stallAfterBytes === undefined) {
    response.end(body);
    return;
  }
  response.write(body.subarray(0, route.stallAfterBytes));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** A URL on 127.0.0.1 where nothing listens: a port just released by a server. */
export async function refusedUrl(pathname = '/release.zip'): Promise<string> {
  const server = await startReleaseServer({});
  const url = server.url(pathname);
  await server.close();
  return url;
}

/** A zip holding `entries` (name to text), names kept as given, `../` included. */
export function buildZip(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}

/** A line of a CDC order file: order number, code, billable flag, short and long title. */
export function orderLine(order: number, code: string, billable: 0 | 1, title: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable} ${title.slice(0, 60).padEnd(60)} ${title}`;
}

/** Integration: security headers on every kind of answer, and CORS closed unless configured. */
import type { Terminology } from '@icd/terminology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testing/test-api.js';

/** No terminology is needed: only code lookups would use it. */
const noCodes = { lookup: () => null, search: () => [] } as unknown as Pick<Terminology, 'lookup' | 'search'>;
const ALLOWED = 'https://coding.example.org';

let closed: TestApi;
let open: TestApi;

beforeAll(async () => {
  [closed, open] = await Promise.all([startTestApi({ codes: noCodes }), startTestApi({ codes: noCodes, config: { corsOrigins: [ALLOWED, 'http://localhost:5173'] } })]);
});

afterAll(async () => {
  await Promise.all([closed?.close(), open?.close()]);
});

describe('security headers', () => {
  it('puts a strict policy and the usual helmet headers on API answers, errors included', async () => {
    for (const route of ['/v1/jobs', '/v1/jobs/nope', '/healthz', '/nothing-here']) {
      const response = await fetch(`${closed.baseUrl}${route}`);
      const header = (name: string) => response.headers.get(name);
      expect(header('content-security-policy'), route).toBe("default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'");
      expect(header('x-content-type-options'), route).toBe('nosniff');
      expect(header('x-frame-options'), route).toBe('DENY');
      expect(header('referrer-policy'), route).toBe('no-referrer');
      expect(header('strict-transport-security'), route).toMatch(/^max-age=\d+/);
      expect(header('cross-origin-opener-policy'), route).toBe('same-origin');
      expect(header('cross-origin-resource-policy'), route).toBe('same-origin');
      expect(header('x-powered-by'), route).toBeNull();
      expect(header('cache-control'), route).toBe('no-store');
      await response.arrayBuffer();
    }
  });

  it('lets the docs page load its own scripts only, with the inline styles Swagger UI sets', async () => {
    const policy = (await fetch(`${closed.baseUrl}/docs`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.match(/script-src[^;]*/)?.[0]).not.toMatch(/unsafe/);
  });
});

describe('CORS', () => {
  const preflight = (api: TestApi, origin: string) =>
    fetch(`${api.baseUrl}/v1/jobs`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers no cross-origin request by default, preflight or not', async () => {
    const simple = await fetch(`${closed.baseUrl}/v1/jobs`, { headers: { origin: ALLOWED } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    await simple.arrayBuffer();
    const before = await preflight(closed, ALLOWED);
    expect(before.headers.get('access-control-allow-origin')).toBeNull();
    expect(before.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('lets the listed origins in, with the Authorization header, and no others', async () => {
    const allowed = await preflight(open, ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const simple = await fetch(`${open.baseUrl}/v1/jobs`, { headers: { origin: ALLOWED } });
    expect(simple.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(simple.headers.get('access-control-expose-headers')).toMatch(/Retry-After.*RateLimit-Remaining/);
    expect(simple.headers.get('vary')).toMatch(/Origin/);
    await simple.arrayBuffer();

    for (const origin of ['https://evil.example', `${ALLOWED}.evil.example`, 'null', 'http://coding.example.org']) {
      const refused = await preflight(open, origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

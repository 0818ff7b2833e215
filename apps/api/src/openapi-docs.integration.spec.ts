/**
 * Integration: the OpenAPI document (`GET /openapi.json`) covers exactly the routes the app mounts,
 * is valid JSON Schema 2020-12 throughout, and `GET /docs` works offline. That real answers match it
 * is checked in the worker project, where the detector can run.
 */
import { buildContractJsonSchemas } from '@icd/contracts';
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsExport from 'ajv-formats';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { API_DEFAULTS } from './config.js';
import { createLogger } from './logger.js';
import { createApiMetrics } from './metrics.js';
import { readJson, startTestApi, type TestApi } from './testing/test-api.js';

const addFormats = ((addFormatsExport as unknown as { default?: unknown }).default ?? addFormatsExport) as (ajv: Ajv2020) => Ajv2020;

type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }> };
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, Operation['responses'][string]> };
};

let terminology: Terminology;
let api: TestApi;
let document: OpenApiDocument;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology, config: { syncMaxDocumentChars: 1_234, syncTimeoutMs: 4_321 } });
  document = await readJson(await fetch(`${api.baseUrl}/openapi.json`));
});

afterAll(async () => {
  await api?.close();
});

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** `METHOD /path` of every route in the app, as the document would write it (`:id` -> `{id}`). */
function mountedRoutes(app: Express): string[] {
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        // `:name` is a parameter, `\:` (the batch route) a literal colon.
        const path = layer.route.path.replace(/(?<!\\):(\w+)/g, '{$1}').replaceAll('\\', '');
        return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

describe('GET /openapi.json', () => {
  it('documents every route the app mounts, and nothing else', async () => {
    const app = createApp({ config: API_DEFAULTS, queue: api.queue, codes: terminology, logger: createLogger('silent'), metrics: createApiMetrics(api.queue), keys: null });
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const mounted = mountedRoutes(app).filter((route) => !route.startsWith('GET /docs/'));
    expect(documented.sort()).toEqual(mounted.sort());
    expect(mounted).toEqual(expect.arrayContaining(['POST /v1/jobs:batch', 'POST /v1/detect', 'GET /metrics', 'GET /openapi.json', 'GET /docs']));
  });

  it('is OpenAPI 3.1 whose schemas all compile as JSON Schema 2020-12 in strict mode', () => {
    expect(document.openapi).toBe('3.1.0');
    const ajv = addFormats(new Ajv2020({ strict: true }));
    // The same schemas as $defs of one schema, so that strict mode sees only JSON Schema keywords.
    const definitions = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', 'components#/$defs/'));
    ajv.addSchema({ $id: 'components', $defs: definitions });
    for (const name of Object.keys(definitions)) {
      expect(() => ajv.getSchema(`components#/$defs/${name}`), name).not.toThrow();
      expect(ajv.getSchema(`components#/$defs/${name}`), name).toBeTypeOf('function');
    }
  });

  it('publishes the contracts as they are, less the $id and $schema that have no place inside it', () => {
    for (const [name, schema] of Object.entries(buildContractJsonSchemas())) {
      const { $id: _id, $schema: _dialect, ...expected } = schema;
      expect(document.components.schemas[name], name).toEqual(expected);
    }
  });

  it('gives every error answer the error shape', () => {
    const errorShapes = ['ErrorResponse', 'JobErrorResponse', 'NotReady'].map((name) => `#/components/schemas/${name}`);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, declared] of Object.entries(operation.responses)) {
          if (!/^[45]|default/.test(status)) continue;
          const response = declared.$ref ? document.components.responses[declared.$ref.split('/').at(-1)!] : declared;
          expect(errorShapes, `${method} ${path} ${status}`).toContain(response.content?.['application/json'].schema.$ref);
        }
      }
    }
    const error = document.components.schemas.ErrorBody as { required: string[] };
    expect(error.required).toEqual(['code', 'message']);
  });

  it('declares the Bearer API key, asked by every /v1 operation (401, 429) and by nothing public', () => {
    const raw = document as unknown as { security: unknown; components: { securitySchemes: Record<string, unknown> } };
    expect(raw.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(raw.security).toEqual([{ apiKey: [] }]);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation & { security?: unknown[] }>)) {
        if (path.startsWith('/v1/')) {
          expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '429']));
          expect(operation.security, `${method} ${path}`).toBeUndefined();
        } else {
          expect(operation.security, `${method} ${path}`).toEqual([]);
        }
      }
    }
    expect(document.paths['/v1/jobs/{id}'].get.responses['404']).toBeDefined();
  });

  it('states the limits of the running configuration', () => {
    const detect = document.paths['/v1/detect'].post as unknown as { description: string };
    expect(detect.description).toContain('1234 characters');
    expect(detect.description).toContain('4321 ms');
    const batch = document.components.schemas.BatchRequest as { properties: { documents: { maxItems: number } } };
    expect(batch.properties.documents.maxItems).toBe(100);
  });
});

describe('GET /docs', () => {
  it('serves Swagger UI from the swagger-ui-dist package, loading nothing from elsewhere', async () => {
    const page = await fetch(`${api.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of assets) {
      const response = await fetch(`${api.baseUrl}${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    const init = await (await fetch(`${api.baseUrl}/docs/init.js`)).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
  });

  it('serves only the Swagger UI files the page needs', async () => {
    const bundle = await fetch(`${api.baseUrl}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=86400');
    await bundle.arrayBuffer();
    for (const file of ['index.html', 'swagger-initializer.js', '..%2Fpackage.json', 'package.json']) {
      expect((await fetch(`${api.baseUrl}/docs/assets/${file}`)).status, file).toBe(404);
    }
  });
});

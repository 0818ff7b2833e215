import express, { Router, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The review UI's pages: one HTML shell for every client-side route; the scripts route from there.
 * The policy forbids inline scripts and any other origin, so that even if the (untrusted) note text
 * ever reached the page as markup it could not run anything or send anything anywhere.
 */
export const PAGE_ROUTES = ['/', '/review/:id', '/codes', '/codes/:code'];

/** A page's policy: everything from its own origin only, no inline script; `styleSource` widens styles. */
export function pageContentSecurityPolicy(styleSource = "'self'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSource}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CONTENT_SECURITY_POLICY = pageContentSecurityPolicy();

const NOT_BUILT_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Review UI not built</title></head>
<body><h1>The review UI has not been built</h1>
<p>Run <code>npm run web:build</code> (<code>npm start</code> does it for you), then reload. The API itself works: see <a href="/docs">/docs</a>.</p>
</body></html>
`;

/** Serves the built UI (`vite build` output in `distDir`): the page shell and its hashed assets. */
export function webRoutes(distDir: string): Router {
  const router = Router();
  const indexFile = join(distDir, 'index.html');

  // File names carry a content hash, so a browser may keep them for good. They hold no PHI, unlike
  // the API's answers, so the request context's `no-store` is lifted (the static handler keeps one it finds).
  const assets = express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true });
  router.use('/assets', (req, res, next) => {
    res.removeHeader('Cache-Control');
    assets(req, res, next);
  });
  for (const path of PAGE_ROUTES) {
    router.get(path, (_req, res) => {
      setPageHeaders(res);
      // Checked per request: the UI may be built while the API runs (tests, a first `npm start`).
      if (!existsSync(indexFile)) return void res.status(503).type('html').send(NOT_BUILT_PAGE);
      res.sendFile(indexFile);
    });
  }

  return router;
}

function setPageHeaders(res: Response): void {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
}

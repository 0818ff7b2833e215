import { Router } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pageContentSecurityPolicy } from './web.js';

/** The Swagger UI files the page uses, served from the `swagger-ui-dist` package (no CDN). */
const SWAGGER_UI_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);

/** Resolved through package.json: requiring the package itself would load its 1.5 MB bundle into Node. */
const swaggerUiDirectory = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const DOCS_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>ICD-10-CM coding assistant API</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="/docs/assets/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js" charset="utf-8"></script>
    <script src="/docs/init.js" charset="utf-8"></script>
  </body>
</html>
`;

// validatorUrl: null keeps Swagger UI from sending the document to validator.swagger.io.
const DOCS_INIT = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
};
`;

/**
 * The docs page's policy: like the review UI's (own origin only, no inline script), except that
 * Swagger UI sets inline styles (React `style` attributes) and shows data: images. `persistAuthorization`
 * is off, so a key typed into "Authorize" lives only as long as the page.
 */
const DOCS_CONTENT_SECURITY_POLICY = pageContentSecurityPolicy("'self' 'unsafe-inline'");

/** `GET /openapi.json` (the document) and `GET /docs` (Swagger UI over it, fully offline). */
export function docsRoutes(openApiDocument: Record<string, unknown>): Router {
  const router = Router();
  const assets = swaggerUiDirectory();

  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });

  router.get('/docs', (_req, res) => {
    res.set('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    res.type('html').send(DOCS_PAGE);
  });

  router.get('/docs/init.js', (_req, res) => {
    res.type('js').send(DOCS_INIT);
  });

  router.get('/docs/assets/:file', (req, res, next) => {
    if (!SWAGGER_UI_FILES.has(req.params.file)) return next();
    // Static library files, unlike API answers, may be cached.
    res.set('Cache-Control', 'public, max-age=86400');
    res.sendFile(join(assets, req.params.file));
  });

  return router;
}

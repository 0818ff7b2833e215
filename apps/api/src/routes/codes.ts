import type { Terminology } from '@icd/terminology';
import { Router } from 'express';
import { z } from 'zod';
import { fieldIssues, notFound, validationError } from '../errors.js';

/** The part of the terminology the API serves. */
export type CodeCatalog = Pick<Terminology, 'lookup' | 'search'>;

const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

/** `GET /v1/codes/:code` (full record) and `GET /v1/codes?q=&limit=` (ranked search). */
export function codeRoutes(codes: CodeCatalog): Router {
  const router = Router();

  router.get('/v1/codes/:code', (req, res) => {
    const code = req.params.code;
    // Longer than any written form of a code (`S52.501A` plus spaces): not worth a lookup.
    const record = code.length <= 16 ? codes.lookup(code) : null;
    if (!record) throw notFound('code_not_found', `no ICD-10-CM code ${JSON.stringify(code.slice(0, 16))}`);
    res.json(record);
  });

  router.get('/v1/codes', (req, res) => {
    const parsed = SearchQuerySchema.safeParse(req.query);
    if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
    const { q, limit } = parsed.data;
    res.json({ query: q, results: codes.search(q, { limit }) });
  });

  return router;
}

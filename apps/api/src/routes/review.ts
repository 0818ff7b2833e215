import { ReviewDecisionsSchema, type ReviewDecision, type ReviewDecisions } from '@icd/contracts';
import { Router } from 'express';
import { audit } from '../audit.js';
import { jsonBody } from '../body-parsers.js';
import { ApiError, fieldIssues, notFound, validationError } from '../errors.js';
import type { JobQueue, JobSnapshot } from '../queue.js';
import { JSON_TYPES } from '../submission.js';
import type { CodeCatalog } from './codes.js';
import { findJobOr404 } from './jobs.js';

export interface ReviewRoutesDeps {
  queue: JobQueue;
  codes: Pick<CodeCatalog, 'lookup'>;
}

/** A review holds at most a few hundred short decisions; this leaves room without inviting abuse. */
const REVIEW_BODY_LIMIT = '256kb';

/**
 * `GET /v1/jobs/:id/review` (the saved decisions; none yet is an empty review) and
 * `PUT /v1/jobs/:id/review` (replaces them whole). A review is kept with its job and removed with it.
 */
export function reviewRoutes({ queue, codes }: ReviewRoutesDeps): Router {
  const router = Router();
  const parseJson = jsonBody(REVIEW_BODY_LIMIT);

  router.get('/v1/jobs/:id/review', async (req, res) => {
    const job = await findJobOr404(queue, req.params.id, res);
    audit(res, 'read', job.id);
    const [review] = await queue.reviewsOf([job.id]);
    res.json(review ?? { decisions: [] });
  });

  router.put('/v1/jobs/:id/review', parseJson, async (req, res) => {
    if (!req.is(JSON_TYPES)) throw new ApiError(415, 'unsupported_media_type', 'send application/json (ReviewDecisions)');
    const parsed = ReviewDecisionsSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
    const job = await findJobOr404(queue, req.params.id, res);
    const review: ReviewDecisions = { decisions: checkedDecisions(job, parsed.data.decisions, codes), updatedAt: new Date().toISOString() };
    if (!(await queue.saveReview(job.id, review))) throw notFound('job_not_found', 'the job was removed before the review could be saved');
    audit(res, 'review', job.id);
    res.locals.log.info({ jobId: job.id, decisions: review.decisions.length }, 'review saved');
    res.json(review);
  });

  return router;
}

/**
 * Decisions are about the job's own proposals, and a replacement must be a code of the code set;
 * its title is taken from the terminology whatever the client sent.
 */
function checkedDecisions(job: JobSnapshot, decisions: ReviewDecision[], codes: ReviewRoutesDeps['codes']): ReviewDecision[] {
  if (job.status !== 'completed' || !job.result) {
    throw new ApiError(409, 'job_not_completed', `the job is ${job.status}: only a completed job's codes can be reviewed`);
  }
  const proposed = new Set(job.result.codes.map((proposal) => proposal.code));
  return decisions.map((decision, index) => {
    if (!proposed.has(decision.code)) {
      throw new ApiError(422, 'code_not_proposed', `${decision.code} is not among the job's proposed codes`, { field: `decisions.${index}.code` });
    }
    if (decision.status !== 'replaced') return decision;
    const record = codes.lookup(decision.replacement.code);
    if (!record || record.code !== decision.replacement.code) {
      throw new ApiError(422, 'unknown_code', `${decision.replacement.code} is not an ICD-10-CM code`, { field: `decisions.${index}.replacement.code` });
    }
    return { ...decision, replacement: { code: record.code, title: record.title } };
  });
}

import { JobIdParams, JobSubjects } from '@influgentic/contracts';
import type { RouteDef } from './route';

/**
 * Jobs (API.md, Content → Jobs): every asynchronous operation's progress and outcome. A job is read with the scope
 * that reads its results or the one that started it, and cancelled with the one that writes content or started it.
 */
export const jobRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v1/jobs/:id', tag: 'content', auth: 'key', scope: { anyOf: ['content:read', 'content:generate'] }, rateClass: 'read',
    summary: 'Get a job: status, progress 0..100, result (what it made so far, final once it ended) and error',
    status: 200, params: JobIdParams, subject: JobSubjects.get,
  },
  {
    method: 'POST', path: '/v1/jobs/:id/cancel', tag: 'content', auth: 'key', scope: { anyOf: ['content:write', 'content:generate'] }, rateClass: 'write',
    summary: 'Cancel a queued or running job (it stops at its next item; what it made stays). A finished job is 409',
    status: 200, params: JobIdParams, subject: JobSubjects.cancel,
  },
];

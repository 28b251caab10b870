import { BulkIdParams, BulkVideosBody, BulkVideosQuery, ContentIdParams, CreateMediaBody, GenerateVideoBody, MediaSubjects, VideoIdParams } from '@influgentic/contracts';
import type { RouteDef } from './route';

/**
 * Media (API.md, Content → Video): videos rendered as jobs, their status, stop and continue; post images for an item;
 * bulk batches of videos from a CSV. Static paths under /v1/content (`video`, `bulk`) win over `:id` in Fastify.
 */
export const mediaJobRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v1/content/video/generate', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Render a short video (script, voice, burned-in captions, disclosure) for an agent: 202 with the content item and its job',
    status: 202, body: GenerateVideoBody, subject: MediaSubjects.generateVideo,
  },
  {
    method: 'GET', path: '/v1/content/video/:id/status', tag: 'content', auth: 'key', scope: { anyOf: ['content:read', 'content:generate'] }, rateClass: 'read',
    summary: 'A video’s render: status, progress through its steps, and once done the signed links to the video, captions and speech',
    status: 200, params: VideoIdParams, subject: MediaSubjects.videoStatus,
  },
  {
    method: 'POST', path: '/v1/content/video/:id/stop', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'write',
    summary: 'Stop a queued or running render: the work stops and its held credits are refunded (continue resumes it)',
    status: 200, params: VideoIdParams, subject: MediaSubjects.stop,
  },
  {
    method: 'POST', path: '/v1/content/video/:id/continue', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'write',
    summary: 'Continue a stopped render: its credits are held again and it is queued',
    status: 200, params: VideoIdParams, subject: MediaSubjects.resume,
  },
  {
    method: 'POST', path: '/v1/content/:id/media', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Make a post image for an item (its caption on a card in the agent’s look, with its disclosures): 202 with the item and the job',
    status: 202, params: ContentIdParams, body: CreateMediaBody, subject: MediaSubjects.createMedia,
  },
  {
    method: 'POST', path: '/v1/content/bulk', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Render up to 100 videos from a CSV (script, platform, voice, language, …): every row is checked first, then one job per row. Send JSON with the CSV in `csv`, or the CSV itself as text/csv with the other fields in the query',
    status: 202, body: BulkVideosBody, subject: MediaSubjects.bulkCreate, csvBody: { field: 'csv', query: BulkVideosQuery },
  },
  {
    method: 'GET', path: '/v1/content/bulk/:id', tag: 'content', auth: 'key', scope: { anyOf: ['content:read', 'content:generate'] }, rateClass: 'read',
    summary: 'A bulk batch: per-row status, progress and video link',
    status: 200, params: BulkIdParams, subject: MediaSubjects.bulkGet,
  },
];

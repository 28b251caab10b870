import { MAX_FIELD_ERRORS } from '@influgentic/contracts';
import { problem } from './problem';

describe('problem', () => {
  it('caps errors[] at 50 entries', () => {
    const errors = Array.from({ length: 500 }, (_, i) => ({ field: `f${i}`, code: 'type', message: 'is wrong' }));
    const doc = problem('validation_error', '500 fields are invalid', '/v1/x', 'req_1', errors);
    expect(MAX_FIELD_ERRORS).toBe(50);
    expect(doc.errors).toHaveLength(50);
    expect(doc.errors?.[0].field).toBe('f0');
  });

  it('carries the status of its code and omits empty errors', () => {
    const doc = problem('service_unavailable', 'later', '/v1/x', 'req_1', []);
    expect(doc.status).toBe(503);
    expect(doc).not.toHaveProperty('errors');
  });
});

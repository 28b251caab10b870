import { getMetadataStorage } from 'class-validator';
import type { ClassConstructor } from 'class-transformer';
import { fieldErrors, ListAgentsQuery, UpdateAgentBody } from '@influgentic/contracts';
import { documentedRoutes } from './api-routes';
import { commandOf } from './route';

const fieldsOf = (cls?: ClassConstructor<object>): string[] =>
  cls ? [...new Set(getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false).map((m) => m.propertyName))] : [];

describe('commandOf', () => {
  it('puts the path, query and body fields of an operation side by side', () => {
    expect(commandOf('POST', { params: { id: 'cmp_1' }, query: { dry_run: true }, body: { reason: 'x' } }))
      .toEqual({ id: 'cmp_1', dry_run: true, reason: 'x' });
    expect(commandOf('GET', { query: { limit: 5 } })).toEqual({ limit: 5 });
    expect(commandOf('DELETE', {})).toEqual({});
  });

  it('keeps a merge patch apart as `changes`, so the id a GET returned can travel back in it', () => {
    const { value } = fieldErrors(UpdateAgentBody, { id: 'agent_other', name: 'New' });
    const command = commandOf('PATCH', { params: { id: 'agent_1' }, body: value });
    expect(command).toEqual({ id: 'agent_1', changes: { id: 'agent_other', name: 'New' } });
    expect(commandOf('PATCH', { params: { id: 'agent_1' } })).toEqual({ id: 'agent_1', changes: {} });
  });

  it('carries converted values, not the request text (validated once, at the gateway)', () => {
    const { value, errors } = fieldErrors(ListAgentsQuery, { limit: '5', min_reach: '1000', sort: 'rating' });
    expect(errors).toEqual([]);
    expect(JSON.parse(JSON.stringify(commandOf('GET', { query: value })))).toEqual({ limit: 5, min_reach: 1000, sort: 'rating' });
  });
});

describe('every operation has a command without overwritten fields', () => {
  // Gateway-owned rows included: their handlers take the command too, and some send it on to a service.
  const routes = documentedRoutes();

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
    const params = fieldsOf(route.params);
    const query = fieldsOf(route.query);
    const body = fieldsOf(route.body);
    const side = route.method === 'PATCH' ? [params, query] : [params, query, body];
    const seen = new Set<string>();
    for (const field of side.flat()) {
      expect({ field, repeated: seen.has(field) }).toEqual({ field, repeated: false });
      seen.add(field);
    }
    if (route.method === 'PATCH') expect(seen.has('changes')).toBe(false);
    // A live session's start request adds the session id the gateway picked.
    if (route.stream) expect(seen.has('session_id')).toBe(false);
  });
});

import { EventStreamQuery, fieldErrors, parseEventTypeList } from '@influgentic/contracts';
import { eventFrame } from './sse-frames';
import { accepts, audienceKey, toStreamedEvent } from './streamed-event';

const envelope = (over: Record<string, unknown> = {}) => JSON.stringify({
  id: 'evt_1', type: 'campaign.started', created_at: '2026-01-01T00:00:00.000Z', organization_id: 'org_a', livemode: true,
  data: { id: 'cmp_1', agent_id: 'agent_velo' }, ...over,
});

describe('toStreamedEvent', () => {
  it('routes by organization and mode, names the agent, and sends the published JSON unchanged', () => {
    const json = envelope();
    const e = toStreamedEvent(7, json, eventFrame)!;
    expect(e).toMatchObject({ seq: 7, type: 'campaign.started', organizationId: 'org_a', livemode: true, agentId: 'agent_velo' });
    expect(e.frame).toBe(`id: 7\nevent: campaign.started\ndata: ${json}\n\n`);
  });

  it('has no agent when the event names none', () => {
    expect(toStreamedEvent(1, envelope({ type: 'job.completed', data: { job_id: 'job_1', agent_id: null } }), eventFrame)!.agentId).toBeNull();
  });

  it('skips what is not an envelope, and a type that could break out of its event: line', () => {
    expect(toStreamedEvent(1, 'not json', eventFrame)).toBeNull();
    expect(toStreamedEvent(1, JSON.stringify({ type: 'x.y' }), eventFrame)).toBeNull();
    expect(toStreamedEvent(1, envelope({ type: 'campaign.started\ndata: forged' }), eventFrame)).toBeNull();
  });
});

describe('accepts', () => {
  const event = { type: 'campaign.started', agentId: 'agent_velo' as string | null };

  it('passes every type without a filter, only the listed ones with it', () => {
    expect(accepts({ types: null }, event)).toBe(true);
    expect(accepts({ types: parseEventTypeList('campaign.started,job.failed') }, event)).toBe(true);
    expect(accepts({ types: parseEventTypeList('job.failed') }, event)).toBe(false);
  });

  it('never passes an internal event, filter or not', () => {
    const internal = { type: 'analytics.agent_performance', agentId: null };
    expect(accepts({ types: null }, internal)).toBe(false);
    expect(accepts({ types: new Set(['analytics.agent_performance']) }, internal)).toBe(false);
  });

  it('narrows to an agent: events naming another agent are left out, events naming none still come', () => {
    expect(accepts({ types: null, agentId: 'agent_velo' }, event)).toBe(true);
    expect(accepts({ types: null, agentId: 'agent_other' }, event)).toBe(false);
    expect(accepts({ types: null, agentId: 'agent_other' }, { type: 'job.completed', agentId: null })).toBe(true);
  });

  it('keeps live and sandbox audiences of one organization apart', () => {
    expect(audienceKey('org_a', true)).not.toBe(audienceKey('org_a', false));
  });
});

describe('EventStreamQuery', () => {
  it('accepts known types and digit positions', () => {
    expect(fieldErrors(EventStreamQuery, { types: 'campaign.started,agent.updated', last_event_id: '12' }).errors).toEqual([]);
  });

  it('refuses unknown types naming the field (and the unknown type when it looks like one)', () => {
    const { errors } = fieldErrors(EventStreamQuery, { types: 'campaign.started,campaign.exploded' });
    expect(errors).toEqual([expect.objectContaining({ field: 'types', code: 'format' })]);
    expect(errors[0].message).toContain('campaign.exploded');
    expect(fieldErrors(EventStreamQuery, { types: '' }).errors[0].field).toBe('types');
    expect(fieldErrors(EventStreamQuery, { types: 'campaign.started,' }).errors[0].field).toBe('types');
    expect(fieldErrors(EventStreamQuery, { types: ['campaign.started', 'job.failed'] }).errors[0].field).toBe('types');
  });

  it('refuses a position that is not digits', () => {
    expect(fieldErrors(EventStreamQuery, { last_event_id: 'evt_1' }).errors).toEqual([expect.objectContaining({ field: 'last_event_id', code: 'format' })]);
  });
});

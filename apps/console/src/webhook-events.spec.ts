import { describeEvents, eventsToSend } from './webhook-events';

describe('webhook events', () => {
  it('sends * for every event, else the chosen types', () => {
    expect(eventsToSend(true, ['job.failed'])).toEqual(['*']);
    expect(eventsToSend(false, ['job.failed', 'lead.captured'])).toEqual(['job.failed', 'lead.captured']);
  });

  it('describes a subscription', () => {
    expect(describeEvents(['*'])).toBe('every event');
    expect(describeEvents(['job.failed', 'lead.captured'])).toBe('job.failed, lead.captured');
  });
});

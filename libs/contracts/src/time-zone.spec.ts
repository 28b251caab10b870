import { CreateAgentBody, UpdateAgentBody } from './agents';
import { GenerateWeekBody, planWeekProblem } from './planner';
import { isTimeZoneName } from './time-zone';
import { fieldErrors } from './validation';

describe('isTimeZoneName', () => {
  it('accepts IANA names Intl knows', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'Europe/Berlin', 'America/Argentina/Salta', 'America/Port-au-Prince', 'Etc/GMT+12']) {
      expect([zone, isTimeZoneName(zone)]).toEqual([zone, true]);
    }
  });

  it('refuses unknown names, offsets, abbreviations and non-strings', () => {
    for (const zone of ['Mars/Olympus', 'Europe/Atlantis', '+09:00', 'UTC+9', 'CEST', '', 'Asia/', `Europe/${'x'.repeat(80)}`, 42, null, undefined]) {
      expect([zone, isTimeZoneName(zone)]).toEqual([zone, false]);
    }
  });
});

describe("an agent's timezone", () => {
  const agent = { name: 'KAI', category: 'travel', persona_prompt: 'KAI writes about trains.' };

  it('is optional, and kept when it is a zone', () => {
    expect(fieldErrors(CreateAgentBody, agent).errors).toEqual([]);
    const { value, errors } = fieldErrors(CreateAgentBody, { ...agent, timezone: 'Asia/Tokyo' });
    expect(errors).toEqual([]);
    expect(value.timezone).toBe('Asia/Tokyo');
  });

  it('refuses an unknown zone or an offset with a 422 error naming `timezone`', () => {
    for (const timezone of ['Mars/Olympus', '+09:00', 9, 'x'.repeat(100)]) {
      const { errors } = fieldErrors(CreateAgentBody, { ...agent, timezone });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field: 'timezone' });
      expect(errors[0].message).not.toMatch(/^timezone /);
    }
    expect(fieldErrors(CreateAgentBody, { ...agent, timezone: 'Mars/Olympus' }).errors[0]).toMatchObject({ code: 'time_zone', message: expect.stringMatching(/time zone/) });
  });

  it('may be changed or cleared (null) by a merge-patch', () => {
    expect(fieldErrors(UpdateAgentBody, { timezone: 'Europe/Berlin' }).errors).toEqual([]);
    expect(fieldErrors(UpdateAgentBody, { timezone: null }).errors).toEqual([]);
    expect(fieldErrors(UpdateAgentBody, { timezone: 'Mars/Olympus' }).errors).toEqual([expect.objectContaining({ field: 'timezone' })]);
  });
});

describe("a week plan's week without a zone in the body", () => {
  const sundayNight = new Date('2026-03-29T20:00:00Z'); // already Monday 30 March in Tokyo, still Sunday in New York

  it('is judged only as a date until the zone is settled (the agent may have its own)', () => {
    expect(planWeekProblem('2026-03-23', null, sundayNight)).toBeNull();
    expect(planWeekProblem('2026-03-24', null, sundayNight)).toMatch(/Monday/);
    expect(planWeekProblem('2026-03-23', 'Asia/Tokyo', sundayNight)).toMatch(/past week/);
    expect(planWeekProblem('2026-03-23', 'America/New_York', sundayNight)).toBeNull();
  });

  it('is still judged in the zone the body names', () => {
    const body = { agent_id: 'agent_a', week: '2020-01-06', posts_per_day: 1, platforms: ['x'] };
    expect(fieldErrors(GenerateWeekBody, body).errors).toEqual([]);
    expect(fieldErrors(GenerateWeekBody, { ...body, timezone: 'Asia/Tokyo' }).errors).toEqual([expect.objectContaining({ field: 'week' })]);
  });
});

import { buildConfig, buildProduct, campaignWindow, configChanges } from './campaign-config';

const now = new Date('2025-03-01T12:00:00.000Z');

describe('campaign config', () => {
  it('fills defaults: the agent\'s first language, social posts, standard compliance, 30 days, start now', () => {
    expect(buildConfig(undefined, ['de', 'en'])).toEqual({
      tone: null, languages: ['de'], output_formats: ['social_post'], compliance_mode: 'standard', duration_days: 30, starts_at: null,
    });
  });

  it('keeps what was sent and normalizes the start to ISO UTC', () => {
    const c = buildConfig({ tone: 'expert_enthusiastic', languages: ['en', 'de'], duration_days: 7, starts_at: '2025-03-02T10:00:00+02:00' }, ['en']);
    expect(c).toMatchObject({ tone: 'expert_enthusiastic', languages: ['en', 'de'], duration_days: 7, starts_at: '2025-03-02T08:00:00.000Z' });
  });

  it('merges a patch into the stored config; null puts a field back to its default', () => {
    const stored = buildConfig({ tone: 'bold', languages: ['en', 'de'], compliance_mode: 'strict', duration_days: 10 }, ['en']);
    const merged = buildConfig({ duration_days: 20, tone: null }, ['en'], stored);
    expect(merged).toEqual({ ...stored, duration_days: 20, tone: null });
    expect(buildConfig({ compliance_mode: null }, ['en'], stored).compliance_mode).toBe('standard');
  });

  it('starts at once when no start or a past start is given, and ends start + duration later', () => {
    expect(campaignWindow(null, 30, now)).toEqual({ starts_at: now, ends_at: new Date('2025-03-31T12:00:00.000Z'), immediate: true });
    expect(campaignWindow('2025-01-01T00:00:00.000Z', 1, now)).toEqual({ starts_at: now, ends_at: new Date('2025-03-02T12:00:00.000Z'), immediate: true });
  });

  it('schedules a future start', () => {
    const w = campaignWindow('2025-04-01T00:00:00.000Z', 14, now);
    expect(w).toEqual({ starts_at: new Date('2025-04-01T00:00:00.000Z'), ends_at: new Date('2025-04-15T00:00:00.000Z'), immediate: false });
  });

  it('stores only the product fields that were sent', () => {
    expect(buildProduct({ name: 'EV Series X Pro', key_features: ['800km range'] })).toEqual({ name: 'EV Series X Pro', key_features: ['800km range'] });
    expect(buildProduct(null)).toBeNull();
  });

  describe('configChanges', () => {
    const stored = buildConfig({ tone: 'bold', languages: ['en', 'de'], starts_at: '2025-03-01T09:00:00Z' }, ['en']);

    it('finds no change in the stored config sent back, nor in nulls that name the current defaults', () => {
      expect(configChanges({ ...stored }, stored)).toEqual({});
      expect(configChanges({ output_formats: null, compliance_mode: null, duration_days: null }, stored)).toEqual({});
      expect(configChanges({ starts_at: '2025-03-01T10:00:00+01:00' }, stored)).toEqual({});
    });

    it('keeps exactly the fields that would change', () => {
      expect(configChanges({ ...stored, tone: null, duration_days: 7, starts_at: null }, stored)).toEqual({ tone: null, duration_days: 7, starts_at: null });
      expect(configChanges({ languages: ['de', 'en'] }, stored)).toEqual({ languages: ['de', 'en'] });
    });

    it('counts a null language list as a change (its default is the agent\'s to say)', () => {
      expect(configChanges({ languages: null }, stored)).toEqual({ languages: null });
    });
  });
});

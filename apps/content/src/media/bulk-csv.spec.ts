import { espeakVoice, parseBulkCsv } from './bulk-csv';

describe('parseBulkCsv', () => {
  it('reads the AINative columns and names each row by its line', () => {
    const r = parseBulkCsv('script,platform,voice_id\nHello world!,instagram,en-US-Neural2-A\n"Check out, this feature.",tiktok,de\n');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.script, x.platform, x.voice])).toEqual([
      [2, 'Hello world!', 'instagram', 'en-us'], [3, 'Check out, this feature.', 'tiktok', 'de'],
    ]);
    expect(r.rows[0].scene_description).toBe('Hello world!');
  });

  it('names every bad row with its line and starts nothing', () => {
    const r = parseBulkCsv('script,platform,duration_seconds,aspect_ratio\nok,instagram,8,9:16\n,tiktok,4,4:3\nfine,myspace,61,1:1\n');
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      'line 3, script: is empty',
      'line 3, duration_seconds: must be a whole number of seconds from 5 to 60',
      'line 3, aspect_ratio: must be one of 9:16, 1:1, 16:9',
      expect.stringMatching(/^line 4, platform: must be one of/),
      'line 4, duration_seconds: must be a whole number of seconds from 5 to 60',
    ]);
    expect(r.errors.every((e) => e.field === 'csv')).toBe(true);
  });

  it('counts lines of quoted multi-line scripts', () => {
    const r = parseBulkCsv('script,platform\n"one\ntwo",x\nbad,nowhere\n');
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^line 4, platform/)]);
  });

  it('refuses empty, header-only, non-CSV, missing or unknown columns, and more than 100 rows', () => {
    expect(parseBulkCsv('  ').errors[0].code).toBe('empty');
    expect(parseBulkCsv('script,platform\n').errors[0].code).toBe('empty');
    expect(parseBulkCsv('script,platform\n"unterminated,x\n').errors[0].code).toBe('not_csv');
    expect(parseBulkCsv('script,platform\na,b,c\n').errors[0].code).toBe('not_csv');
    expect(parseBulkCsv('platform\nx\n').errors.map((e) => e.code)).toEqual(['missing_column']);
    expect(parseBulkCsv('script\nhello\n').errors.map((e) => e.code)).toEqual(['missing_column']);
    expect(parseBulkCsv('script,colour\nhello,red\n', { platform: 'x' }).errors[0]).toMatchObject({ code: 'unknown_column', message: expect.stringContaining('"colour"') });
    const many = `script,platform\n${Array.from({ length: 101 }, (_, i) => `s${i},x`).join('\n')}\n`;
    expect(parseBulkCsv(many).errors[0].code).toBe('too_many_rows');
  });

  it('takes the platform from the request when the column is absent or empty', () => {
    const r = parseBulkCsv('script\nhello\n', { platform: 'tiktok' });
    expect(r.rows[0].platform).toBe('tiktok');
  });
});

describe('espeakVoice', () => {
  it('keeps espeak names and reads cloud voice ids by their language', () => {
    expect(espeakVoice('en-us')).toBe('en-us');
    expect(espeakVoice('en-gb+f3')).toBe('en-gb+f3');
    expect(espeakVoice('hi-IN-Wavenet-A')).toBe('hi');
    expect(espeakVoice('en-GB')).toBe('en-gb');
    expect(espeakVoice('en-US')).toBe('en-us');
    expect(espeakVoice('$(rm -rf)')).toBeNull();
  });
});

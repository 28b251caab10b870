import type { ProbeResult } from '@influgentic/media';
import { checkVideoProbe } from './media-files';

const probe = (p: Partial<ProbeResult>): ProbeResult => ({
  durationSeconds: 8, width: 720, height: 1280, videoCodec: 'h264', pixFmt: 'yuv420p', audioCodec: 'aac', subtitleCodec: 'mov_text',
  formatName: 'mov,mp4', tags: {}, ...p,
});

describe('checkVideoProbe', () => {
  it('accepts an H.264 video of the length asked for, within a quarter second', () => {
    expect(() => checkVideoProbe(probe({ durationSeconds: 8.2 }), 8)).not.toThrow();
    expect(() => checkVideoProbe(probe({ durationSeconds: 5 }), null)).not.toThrow();
  });

  it('refuses another codec, no picture, no duration or the wrong length, with a media_check_failed code', () => {
    for (const [p, expected, reason] of [
      [probe({ videoCodec: 'vp9' }), 8, 'codec vp9'], [probe({ width: null }), 8, 'no picture'], [probe({ durationSeconds: 0 }), 8, 'no duration'],
      [probe({ durationSeconds: 8.4 }), 8, '8.4 s long, not 8 s'],
    ] as const) {
      expect(() => checkVideoProbe(p, expected)).toThrow(expect.objectContaining({ code: 'media_check_failed', message: expect.stringContaining(reason) }));
    }
  });
});

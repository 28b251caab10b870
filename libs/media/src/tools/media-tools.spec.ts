import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { locateMediaTool, MediaToolMissingError, mediaToolsStatus, parseToolVersion, requireMediaTools } from './media-tools';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-tools-spec-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An executable script that answers `-version` / `--version` like the real tool. */
function fakeTool(name: string, versionLine: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\necho '${versionLine}'\n`, { mode: 0o755 });
  return file;
}

describe('locateMediaTool', () => {
  it('takes the env variable first', () => {
    const file = fakeTool('my-ffmpeg', 'ffmpeg version 9.9');
    expect(locateMediaTool('ffmpeg', { env: { FFMPEG_PATH: file, PATH: '/usr/bin' } })).toEqual({ path: file, source: 'env' });
  });

  it('reports an env variable that points at nothing instead of falling back', () => {
    const where = locateMediaTool('ffmpeg', { env: { FFMPEG_PATH: path.join(dir, 'gone'), PATH: '/usr/bin' } });
    expect(where).toEqual({ missing: expect.stringContaining('FFMPEG_PATH points at') });
  });

  it('then searches the PATH', () => {
    const file = fakeTool('espeak-ng', 'eSpeak NG text-to-speech: 1.51');
    expect(locateMediaTool('espeak', { env: { PATH: `/nonexistent${path.delimiter}${dir}` } })).toEqual({ path: file, source: 'path' });
  });

  it('falls back to the binaries shipped in node_modules for ffmpeg and ffprobe', () => {
    const ffmpeg = locateMediaTool('ffmpeg', { env: { PATH: dir } });
    const ffprobe = locateMediaTool('ffprobe', { env: { PATH: dir } });
    expect(ffmpeg).toEqual({ path: expect.stringMatching(/@ffmpeg-installer[\\/]linux-x64[\\/]ffmpeg$/), source: 'bundled' });
    expect(ffprobe).toEqual({ path: expect.stringMatching(/@ffprobe-installer[\\/]linux-x64[\\/]ffprobe$/), source: 'bundled' });
  });

  it('has no fallback for espeak-ng', () => {
    expect(locateMediaTool('espeak', { env: { PATH: dir } })).toEqual({ missing: 'espeak-ng is not on the PATH' });
  });
});

describe('parseToolVersion', () => {
  it.each([
    ['ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers', '5.1.9-0+deb12u1'],
    ['ffprobe version N-66595-gc2b38619c0-static https://johnvansickle.com/ffmpeg/', 'N-66595-gc2b38619c0-static'],
    ['eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/espeak-ng-data', '1.51'],
  ])('reads %s', (line, version) => {
    expect(parseToolVersion(`\n${line}\nmore`)).toBe(version);
  });
});

describe('requireMediaTools', () => {
  it('returns each tool with its version', async () => {
    const ffmpeg = fakeTool('ffmpeg', 'ffmpeg version 7.0-test');
    const tools = await requireMediaTools(['ffmpeg'], { env: { PATH: dir } });
    expect(tools.ffmpeg).toEqual({ path: ffmpeg, source: 'path', version: '7.0-test' });
  });

  it('names every missing tool and how to install it', async () => {
    const env = { PATH: dir, FFMPEG_PATH: path.join(dir, 'missing-ffmpeg') };
    const err = (await requireMediaTools(['ffmpeg', 'espeak'], { env }).catch((e) => e)) as MediaToolMissingError;
    expect(err).toBeInstanceOf(MediaToolMissingError);
    expect(err.code).toBe('media_tool_missing');
    expect(err.tools).toEqual(['ffmpeg', 'espeak']);
    expect(err.message).toContain('FFMPEG_PATH points at');
    expect(err.message).toContain('apt-get install espeak-ng');
  });

  it('counts a binary that does not run as missing', async () => {
    const broken = path.join(dir, 'ffprobe');
    fs.writeFileSync(broken, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    await expect(requireMediaTools(['ffprobe'], { env: { PATH: dir } })).rejects.toThrow(/ffprobe is missing: .*does not run/);
  });
});

describe('mediaToolsStatus', () => {
  it('gives null for what is missing and details for the rest', async () => {
    fakeTool('espeak-ng', 'eSpeak NG text-to-speech: 1.52');
    const status = await mediaToolsStatus({ env: { PATH: dir, FFMPEG_PATH: path.join(dir, 'nope') } });
    expect(status.ffmpeg).toBeNull();
    expect(status.espeak).toEqual({ path: path.join(dir, 'espeak-ng'), source: 'path', version: '1.52' });
    expect(status.ffprobe?.source).toBe('bundled');
    expect(status.ffprobe?.version).toMatch(/\S/);
  });
});

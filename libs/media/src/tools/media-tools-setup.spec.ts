// The start-up step in scripts/infra/media-tools.js that installs ffmpeg and espeak-ng when it may. Plain CommonJS run
// by `npm start` and `npm test`; apt-get is replaced by a recorder here, so nothing is installed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const { ensureMediaTools, planMediaTools, missingMediaTools } = require('../../../../scripts/infra/media-tools');

type Call = { command: string; args: string[] };

function recorder(failures: Record<string, number> = {}) {
  const calls: Call[] = [];
  const run = async (command: string, args: string[]) => {
    calls.push({ command, args });
    const verb = args[0];
    if ((failures[verb] ?? 0) > 0) {
      failures[verb]--;
      throw new Error(`${verb} failed`);
    }
  };
  return { calls, run };
}

describe('planMediaTools', () => {
  it('does nothing when everything is there', () => {
    expect(planMediaTools({ missing: [], root: true, aptGet: '/usr/bin/apt-get' })).toEqual({ action: 'none' });
  });

  it('installs the Debian packages of the missing tools as root with apt-get', () => {
    expect(planMediaTools({ missing: ['ffmpeg', 'ffprobe', 'espeak-ng'], root: true, aptGet: '/usr/bin/apt-get' })).toEqual({
      action: 'install',
      packages: ['ffmpeg', 'espeak-ng'],
    });
    expect(planMediaTools({ missing: ['espeak-ng'], root: true, aptGet: '/usr/bin/apt-get' })).toEqual({ action: 'install', packages: ['espeak-ng'] });
  });

  it('only explains when it may not install', () => {
    const notRoot = planMediaTools({ missing: ['espeak-ng', 'ffmpeg'], root: false, aptGet: '/usr/bin/apt-get' });
    expect(notRoot.action).toBe('notice');
    expect(notRoot.message).toMatch(/bundled ffmpeg.*speech needs espeak-ng/);
    expect(notRoot.message).not.toContain('\n');
    expect(planMediaTools({ missing: ['ffmpeg'], root: true, aptGet: undefined }).message).toMatch(/bundled ffmpeg/);
    expect(planMediaTools({ missing: ['espeak-ng'], root: true, aptGet: '/usr/bin/apt-get', skipInstall: true }).message).toMatch(
      /speech needs espeak-ng/,
    );
  });
});

describe('missingMediaTools', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-setup-spec-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('looks at the env variables, then the PATH', () => {
    for (const name of ['ffmpeg', 'espeak-ng', 'chromium']) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
    expect(missingMediaTools({ PATH: dir })).toEqual(['ffprobe']);
    expect(missingMediaTools({ PATH: dir, FFPROBE_PATH: path.join(dir, 'ffmpeg') })).toEqual([]);
    expect(missingMediaTools({ PATH: dir, ESPEAK_NG_PATH: path.join(dir, 'nothing') })).toEqual(['ffprobe', 'espeak-ng']);
    fs.rmSync(path.join(dir, 'chromium'));
    expect(missingMediaTools({ PATH: dir, FFPROBE_PATH: path.join(dir, 'ffmpeg') })).toEqual(['chromium']);
  });
});

describe('the notice for a missing browser', () => {
  it('says the console tests are skipped, alone or after the media tools', () => {
    expect(planMediaTools({ missing: ['chromium'], root: false, aptGet: null })).toEqual({ action: 'notice', message: expect.stringMatching(/^media: chromium is not installed; the console's browser tests are skipped/) });
    expect(planMediaTools({ missing: ['espeak-ng', 'chromium'], root: false, aptGet: null }).message).toMatch(/speech needs espeak-ng.*; chromium is not installed/);
    expect(planMediaTools({ missing: ['chromium'], root: true, aptGet: '/usr/bin/apt-get' })).toEqual({ action: 'install', packages: ['chromium'] });
  });
});

describe('ensureMediaTools', () => {
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  beforeEach(() => logs.splice(0));

  it('installs without updating the package lists when the install works', async () => {
    const { calls, run } = recorder();
    // Missing until apt-get ran.
    const missing = () => (calls.length ? [] : ['espeak-ng']);
    const plan = await ensureMediaTools({ log, env: {}, deps: { root: true, aptGet: '/usr/bin/apt-get', run, missing } });
    expect(plan).toEqual({ action: 'install', packages: ['espeak-ng'] });
    expect(calls).toEqual([{ command: '/usr/bin/apt-get', args: ['install', '-y', '--no-install-recommends', 'espeak-ng'] }]);
  });

  it('updates the package lists and tries once more when the install fails', async () => {
    const { calls, run } = recorder({ install: 1 });
    await ensureMediaTools({ log, env: {}, deps: { root: true, aptGet: '/usr/bin/apt-get', run, missing: () => (calls.length >= 3 ? [] : ['ffmpeg']) } });
    expect(calls.map((c) => c.args[0])).toEqual(['install', 'update', 'install']);
  });

  it('never fails start-up: a failed install ends in the notice', async () => {
    const { calls, run } = recorder({ install: 2 });
    const plan = await ensureMediaTools({ log, env: {}, deps: { root: true, aptGet: '/usr/bin/apt-get', run, missing: () => ['espeak-ng'] } });
    expect(calls).toHaveLength(3);
    expect(plan.action).toBe('notice');
    expect(logs.at(-1)).toMatch(/speech needs espeak-ng/);
  });

  it('does not run apt-get when not root, and says so in one line', async () => {
    const { calls, run } = recorder();
    const plan = await ensureMediaTools({ log, env: {}, deps: { root: false, aptGet: '/usr/bin/apt-get', run, missing: () => ['ffmpeg', 'espeak-ng'] } });
    expect(calls).toEqual([]);
    expect(plan.action).toBe('notice');
    expect(logs).toEqual([plan.message]);
  });

  it('honours INFLUGENTIC_SKIP_MEDIA_INSTALL', async () => {
    const { calls, run } = recorder();
    await ensureMediaTools({ log, env: { INFLUGENTIC_SKIP_MEDIA_INSTALL: '1' }, deps: { root: true, aptGet: '/usr/bin/apt-get', run, missing: () => ['espeak-ng'] } });
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(1);
  });

  it('is silent when everything is installed', async () => {
    const { calls, run } = recorder();
    expect(await ensureMediaTools({ log, env: {}, deps: { root: true, aptGet: '/usr/bin/apt-get', run, missing: () => [] } })).toEqual({ action: 'none' });
    expect(calls).toEqual([]);
    expect(logs).toEqual([]);
  });
});

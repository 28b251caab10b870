import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFilePath, readConfig, removeConfig, writeConfig } from './config-store';
import { resolveCredentials } from './credentials';

describe('config file', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'influgentic-config-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('lives under XDG_CONFIG_HOME when it is an absolute path, else under ~/.config', () => {
    expect(configFilePath({ XDG_CONFIG_HOME: '/xdg' }, '/home/u')).toBe('/xdg/influgentic/config.json');
    expect(configFilePath({}, '/home/u')).toBe('/home/u/.config/influgentic/config.json');
    expect(configFilePath({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/influgentic/config.json');
  });

  it('is written 0600 in a 0700 directory and read back', async () => {
    const path = join(dir, 'influgentic', 'config.json');
    await writeConfig(path, { api_key: 'ig_test_abc', base_url: 'http://127.0.0.1:3000' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'influgentic'))).mode & 0o777).toBe(0o700);
    expect(await readConfig(path)).toEqual({ api_key: 'ig_test_abc', base_url: 'http://127.0.0.1:3000' });
  });

  it('tightens a directory and file that were readable by others', async () => {
    const path = join(dir, 'influgentic', 'config.json');
    await mkdir(join(dir, 'influgentic'), { mode: 0o755 });
    await writeFile(path, '{}', { mode: 0o644 });
    await writeConfig(path, { api_key: 'ig_live_new', base_url: '' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'influgentic'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ api_key: 'ig_live_new', base_url: '' });
  });

  it('reads nothing from a missing or foreign file, and removes it once', async () => {
    const path = join(dir, 'config.json');
    expect(await readConfig(path)).toBeUndefined();
    await writeFile(path, 'not json');
    expect(await readConfig(path)).toBeUndefined();
    expect(await removeConfig(path)).toBe(true);
    expect(await removeConfig(path)).toBe(false);
  });
});

describe('resolveCredentials', () => {
  const stored = { api_key: 'ig_live_stored', base_url: 'http://stored:3000' };

  it('prefers the flag, then the environment, then the stored config', () => {
    const env = { INFLUGENTIC_API_KEY: 'ig_live_env', INFLUGENTIC_BASE_URL: 'http://env:3000' };
    expect(resolveCredentials({ apiKey: 'ig_live_flag', baseUrl: 'http://flag:3000' }, env, stored))
      .toEqual({ apiKey: 'ig_live_flag', baseUrl: 'http://flag:3000', keySource: 'flag' });
    expect(resolveCredentials({}, env, stored)).toEqual({ apiKey: 'ig_live_env', baseUrl: 'http://env:3000', keySource: 'environment' });
    expect(resolveCredentials({}, {}, stored)).toEqual({ apiKey: 'ig_live_stored', baseUrl: 'http://stored:3000', keySource: 'config' });
  });

  it('falls back to the default URL and no key', () => {
    expect(resolveCredentials({}, {}, undefined)).toEqual({ apiKey: undefined, baseUrl: 'http://localhost:3000', keySource: 'none' });
    expect(resolveCredentials({}, {}, { api_key: 'k', base_url: '' }).baseUrl).toBe('http://localhost:3000');
  });
});

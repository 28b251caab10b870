import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** What `influgentic login` keeps between runs. */
export interface StoredConfig {
  api_key: string;
  base_url: string;
}

/** `$XDG_CONFIG_HOME/influgentic/config.json`, else `~/.config/influgentic/config.json`. */
export function configFilePath(env: Record<string, string | undefined>, home: string = homedir()): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(base, 'influgentic', 'config.json');
}

/** The stored config, or undefined when there is none (a file that is not ours is treated as none). */
export async function readConfig(path: string): Promise<StoredConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<StoredConfig>;
    if (typeof parsed.api_key !== 'string' || !parsed.api_key) return undefined;
    return { api_key: parsed.api_key, base_url: typeof parsed.base_url === 'string' ? parsed.base_url : '' };
  } catch {
    return undefined;
  }
}

/**
 * Writes the config readable by its owner only: the directory 0700, the file 0600 from the moment it exists (written
 * to a temporary file with that mode, then renamed over the old one, so a reader never sees half a file).
 */
export async function writeConfig(path: string, config: StoredConfig): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/** Removes the stored config; true when there was one. */
export async function removeConfig(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess } from './run-process';

export type MediaToolName = 'ffmpeg' | 'ffprobe' | 'espeak';

/** Where a tool was found: the env variable that names it, the PATH, or the npm package that ships a build of it. */
export type MediaToolSource = 'env' | 'path' | 'bundled';

export interface MediaTool {
  path: string;
  version: string;
  source: MediaToolSource;
}

export type MediaToolsStatus = Record<MediaToolName, MediaTool | null>;

interface ToolSpec {
  envVar: string;
  executable: string;
  versionArgs: string[];
  /** npm package whose folder holds a prebuilt binary named `executable`. */
  bundledPackage?: string;
  installHelp: string;
}

const TOOLS: Record<MediaToolName, ToolSpec> = {
  ffmpeg: {
    envVar: 'FFMPEG_PATH',
    executable: 'ffmpeg',
    versionArgs: ['-version'],
    bundledPackage: '@ffmpeg-installer/linux-x64',
    installHelp:
      'install ffmpeg (Debian/Ubuntu: `sudo apt-get install ffmpeg`; macOS: `brew install ffmpeg`), set FFMPEG_PATH, ' +
      'or run `npm ci` to get the bundled @ffmpeg-installer/linux-x64 build',
  },
  ffprobe: {
    envVar: 'FFPROBE_PATH',
    executable: 'ffprobe',
    versionArgs: ['-version'],
    bundledPackage: '@ffprobe-installer/linux-x64',
    installHelp:
      'install ffmpeg, which includes ffprobe (Debian/Ubuntu: `sudo apt-get install ffmpeg`; macOS: `brew install ffmpeg`), ' +
      'set FFPROBE_PATH, or run `npm ci` to get the bundled @ffprobe-installer/linux-x64 build',
  },
  espeak: {
    envVar: 'ESPEAK_NG_PATH',
    executable: 'espeak-ng',
    versionArgs: ['--version'],
    installHelp: 'install espeak-ng (Debian/Ubuntu: `sudo apt-get install espeak-ng`; macOS: `brew install espeak-ng`) or set ESPEAK_NG_PATH',
  },
};

export const MEDIA_TOOL_NAMES: readonly MediaToolName[] = ['ffmpeg', 'ffprobe', 'espeak'];

/** A tool a job needs is not installed, or does not run. Raised before the job does any work. */
export class MediaToolMissingError extends Error {
  override readonly name = 'MediaToolMissingError';
  readonly code = 'media_tool_missing' as const;
  constructor(
    readonly tools: MediaToolName[],
    message: string,
  ) {
    super(message);
  }
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
}

export type ToolLocation = { path: string; source: MediaToolSource } | { missing: string };

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(executable: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, executable);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function bundled(spec: ToolSpec): string | undefined {
  if (!spec.bundledPackage) return undefined;
  try {
    const candidate = path.join(path.dirname(require.resolve(`${spec.bundledPackage}/package.json`)), spec.executable);
    return isExecutableFile(candidate) ? candidate : undefined;
  } catch {
    return undefined; // package not installed (another platform, or dependencies not installed yet)
  }
}

/**
 * Where a tool is, without running it. An env variable that is set wins and is not second-guessed: when it points at
 * nothing the tool counts as missing, so a wrong setting is reported rather than silently replaced.
 */
export function locateMediaTool(name: MediaToolName, { env = process.env }: ResolveOptions = {}): ToolLocation {
  const spec = TOOLS[name];
  const configured = env[spec.envVar];
  if (configured) {
    return isExecutableFile(configured)
      ? { path: configured, source: 'env' }
      : { missing: `${spec.envVar} points at ${configured}, which is not an executable file` };
  }
  const found = onPath(spec.executable, env);
  if (found) return { path: found, source: 'path' };
  const shipped = bundled(spec);
  if (shipped) return { path: shipped, source: 'bundled' };
  return { missing: `${spec.executable} is not on the PATH` };
}

/** The version a tool prints, e.g. `5.1.9-0+deb12u1` for ffmpeg or `1.51` for espeak-ng. */
export function parseToolVersion(output: string): string {
  const firstLine = output.split('\n').find((line) => line.trim()) ?? '';
  const named = /\bversion\s+(\S+)/i.exec(firstLine);
  if (named) return named[1];
  const numeric = /(\d+\.\d+(?:\.\d+)?\S*)/.exec(firstLine);
  return numeric ? numeric[1] : firstLine.trim();
}

// Running `-version` costs a process start; a binary that did not change keeps its answer.
const versionCache = new Map<string, string>();

async function versionOf(name: MediaToolName, file: string): Promise<string> {
  const stat = fs.statSync(file);
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  const cached = versionCache.get(key);
  if (cached !== undefined) return cached;
  const { stdout } = await runProcess(file, TOOLS[name].versionArgs, { timeoutMs: 15000 });
  const version = parseToolVersion(stdout.toString('utf8'));
  versionCache.set(key, version);
  return version;
}

type Checked = { tool: MediaTool } | { problem: string };

async function check(name: MediaToolName, env: NodeJS.ProcessEnv): Promise<Checked> {
  const where = locateMediaTool(name, { env });
  if ('missing' in where) return { problem: where.missing };
  try {
    return { tool: { ...where, version: await versionOf(name, where.path) } };
  } catch (err) {
    return { problem: `${where.path} does not run (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Each tool with its path, version and source, or null when it is missing or does not run. */
export async function mediaToolsStatus(options: ResolveOptions = {}): Promise<MediaToolsStatus> {
  const env = options.env ?? process.env;
  const results = await Promise.all(MEDIA_TOOL_NAMES.map((name) => check(name, env)));
  const status = {} as MediaToolsStatus;
  MEDIA_TOOL_NAMES.forEach((name, i) => {
    const result = results[i];
    status[name] = 'tool' in result ? result.tool : null;
  });
  return status;
}

/**
 * The tools a job needs, found and checked to run; call it before the job does any work. Throws a
 * `MediaToolMissingError` naming every missing tool and how to install it.
 */
export async function requireMediaTools<N extends MediaToolName>(
  names: readonly N[],
  options: ResolveOptions = {},
): Promise<Record<N, MediaTool>> {
  const env = options.env ?? process.env;
  const unique = [...new Set(names)];
  const results = await Promise.all(unique.map((name) => check(name, env)));
  const missing: N[] = [];
  const problems: string[] = [];
  const tools = {} as Record<N, MediaTool>;
  unique.forEach((name, i) => {
    const result = results[i];
    if ('tool' in result) {
      tools[name] = result.tool;
    } else {
      missing.push(name);
      problems.push(`${TOOLS[name].executable} is missing: ${result.problem}; ${TOOLS[name].installHelp}.`);
    }
  });
  if (missing.length) throw new MediaToolMissingError(missing, problems.join(' '));
  return tools;
}

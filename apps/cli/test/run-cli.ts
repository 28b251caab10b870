import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CLI_BIN = join(__dirname, '..', 'bin', 'influgentic.js');
const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Each piece of stdout as it arrived, with when (ms since start). */
  chunks: Array<{ at: number; text: string }>;
}

/** The environment of a child CLI: the parent's, minus any Influgentic settings, plus `env`. */
export function cliEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('INFLUGENTIC_') && name !== 'NO_COLOR'));
  return Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

/** Starts `node apps/cli/bin/influgentic.js …` and collects what it prints. */
export function startCli(args: string[], env: Record<string, string | undefined>, stdin?: string): { child: ChildProcess; done: Promise<CliRun>; run: CliRun } {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  const run: CliRun = { code: null, stdout: '', stderr: '', chunks: [] };
  child.stdout?.on('data', (data: Buffer) => {
    run.stdout += data.toString();
    run.chunks.push({ at: Date.now() - started, text: data.toString() });
  });
  child.stderr?.on('data', (data: Buffer) => { run.stderr += data.toString(); });
  if (stdin !== undefined) child.stdin?.end(stdin);
  else child.stdin?.end();
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => { run.code = code; resolve(run); }));
  return { child, done, run };
}

export function cli(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<CliRun> {
  return startCli(args, env, stdin).done;
}

/** Fails with what the command printed on stderr when it did not exit 0. */
export function expectSuccess(run: CliRun): CliRun {
  if (run.code !== 0) throw new Error(`influgentic exited ${run.code}:\n${run.stderr}`);
  return run;
}

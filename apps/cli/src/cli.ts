import { CommanderError } from 'commander';
import { InfluError } from '@influgentic/sdk';
import { CliContext, type CliIO } from './context';
import { ExitCode, exitCodeFor } from './output/exit-codes';
import { formatProblem, networkHint, problemJson } from './output/problem';
import { buildProgram } from './program';

const SUCCESSFUL_PARSER_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** Prints what ended the command the way its reader wants it, and returns the exit code. */
function report(error: unknown, ctx: CliContext, argv: readonly string[]): number {
  if (error instanceof CommanderError) {
    // The parser has printed its own message (and help where it applies).
    return SUCCESSFUL_PARSER_EXITS.has(error.code) ? ExitCode.Ok : ExitCode.Usage;
  }
  const code = exitCodeFor(error);
  const out = ctx.fallbackOut(argv);
  if (code === ExitCode.Interrupted) {
    out.info('Interrupted');
    return code;
  }
  if (error instanceof InfluError) {
    if (out.json) out.stderr.write(JSON.stringify(problemJson(error)) + '\n');
    else {
      out.info(formatProblem(error, out.colors));
      const hint = networkHint(error, ctx.lastBaseUrl);
      if (hint) out.info(hint);
    }
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (out.json) out.stderr.write(JSON.stringify({ code: code === ExitCode.Usage ? 'usage_error' : 'error', message }) + '\n');
  else out.info(`${out.colors.red(out.colors.bold('Error'))}: ${message}`);
  return code;
}

/** Runs one command line (`argv` as process.argv: node, script, args…) and resolves with its exit code. */
export async function runCli(argv: readonly string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const ctx = new CliContext(io, signal);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv]);
    return ExitCode.Ok;
  } catch (error) {
    return report(error, ctx, argv);
  }
}

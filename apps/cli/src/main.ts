import { runCli } from './cli';
import { ExitCode } from './output/exit-codes';

// Ctrl-C once asks the running command to stop (streams close, webhooks listen deletes its endpoint); twice, exits now.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(ExitCode.Interrupted);
  interrupt.abort();
});
process.on('SIGTERM', () => interrupt.abort());
// A reader that went away (`influgentic … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(ExitCode.Ok);
});

runCli(process.argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }, interrupt.signal)
  .then((code) => process.exit(code));

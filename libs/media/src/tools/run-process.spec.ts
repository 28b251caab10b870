import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProcessFailedError, runProcess, STDERR_TAIL_BYTES } from './run-process';

const node = process.execPath;

describe('runProcess', () => {
  it('passes arguments verbatim (no shell) and collects stdout as a buffer', async () => {
    const tricky = 'a b; echo $HOME "quoted" `x`';
    const { stdout } = await runProcess(node, ['-e', 'process.stdout.write(process.argv[1])', tricky]);
    expect(Buffer.isBuffer(stdout)).toBe(true);
    expect(stdout.toString()).toBe(tricky);
  });

  it('feeds input on stdin', async () => {
    const { stdout } = await runProcess(node, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'spoken words' });
    expect(stdout.toString()).toBe('spoken words');
  });

  it('reports a failure with the end of stderr only', async () => {
    const script = `process.stderr.write('x'.repeat(20000) + 'THE REASON'); process.exit(3)`;
    const err = (await runProcess(node, ['-e', script]).catch((e) => e)) as ProcessFailedError;
    expect(err).toBeInstanceOf(ProcessFailedError);
    expect(err.code).toBe('media_process_failed');
    expect(err.exitCode).toBe(3);
    expect(err.stderrTail.endsWith('THE REASON')).toBe(true);
    expect(Buffer.byteLength(err.stderrTail)).toBeLessThanOrEqual(STDERR_TAIL_BYTES);
    expect(err.message).toContain('exited with status 3');
  });

  it('reports a program that does not exist', async () => {
    const err = (await runProcess('/nonexistent/tool', []).catch((e) => e)) as ProcessFailedError;
    expect(err).toBeInstanceOf(ProcessFailedError);
    expect(err.message).toContain('could not start');
  });

  it('kills the child when the signal aborts and rejects with its reason', async () => {
    const controller = new AbortController();
    let pid = 0;
    const running = runProcess(node, ['-e', 'console.log(process.pid); setInterval(() => {}, 1000)'], {
      signal: controller.signal,
      onStdout: (chunk) => {
        pid = Number(chunk.toString().trim());
        controller.abort(new Error('stop now'));
      },
    });
    await expect(running).rejects.toThrow('stop now');
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('does not start at all when the signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const marker = path.join(os.tmpdir(), `run-process-spec-${process.pid}-${Date.now()}`);
    const running = runProcess(node, ['-e', 'require("fs").writeFileSync(process.argv[1], "")', marker], { signal: controller.signal });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('kills a child that runs past its timeout', async () => {
    const started = Date.now();
    const err = (await runProcess(node, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 }).catch((e) => e)) as ProcessFailedError;
    expect(err.code).toBe('media_process_timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

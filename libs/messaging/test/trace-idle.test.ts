import { droppedIdleSpans } from '@influgentic/observability';
import { startPlatform, waitFor, type Platform } from '../../../tools/testing/platform';
import { startTestTracing, stopTestTracing } from './trace-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an idle platform (every service up, nothing happening; real NATS and Postgres)', () => {
  const exporter = startTestTracing('trace-idle-test');
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'content', 'analytics', 'webhooks']);
  });

  afterAll(async () => {
    await platform?.close();
    await stopTestTracing();
  });

  it('exports no spans while its pollers, schedulers and relays keep running', async () => {
    // Start-up (migrations, first passes, first drains) may still be exporting: wait for a quiet second first.
    await waitFor(async () => {
      exporter.reset();
      await sleep(1000);
      return exporter.getFinishedSpans().length === 0;
    }, 30_000, 0);

    const droppedBefore = droppedIdleSpans();
    exporter.reset();
    await sleep(4000);

    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual([]);
    // The passes did run, traced, and their traces were dropped as idle: the silence is not tracing being off.
    expect(droppedIdleSpans()).toBeGreaterThan(droppedBefore);
  });
});

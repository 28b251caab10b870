import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stats, type BenchContext, type BenchSection } from './lib';

/** Sum of resident memory of every running process whose command is one of `names` (ffmpeg, espeak-ng), in MB. */
function childRssMb(names: string[]): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const name = /^Name:\s+(\S+)/m.exec(status)?.[1] ?? '';
      if (names.some((n) => name.startsWith(n))) kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch { /* gone */ }
  }
  return kb / 1024;
}

/** Resident memory of the content service (the process that renders), in MB. */
function contentRssMb(): number {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('apps/content/src/main.ts')) {
        return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      }
    } catch { /* gone */ }
  }
  return 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
// Asynchronous on purpose: a blocked event loop would miss the gateway closing idle keep-alive sockets.
const run = promisify(execFile);

/**
 * Media (issue: "seconds to render an 8 s 9:16 video offline, and throughput of a 100-row bulk batch on 2 cores").
 * Through the public API with the live key: POST /v1/content/video/generate until its status is done, and a bulk
 * batch until every row ended. The baseline, in the same run, is ffmpeg alone encoding the same length and size from
 * one still frame and silence (the floor any renderer pays for the encode); the ratio says what script, speech,
 * frames, captions, checks and storage add. Peak memory is sampled every 200 ms: the content service, and ffmpeg and
 * espeak-ng processes together.
 */
export async function runMediaBench(ctx: BenchContext): Promise<BenchSection[]> {
  const auth = { authorization: `Bearer ${ctx.liveToken}`, 'content-type': 'application/json' };
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${ctx.gatewayUrl}${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) })
      .catch((err: Error & { cause?: unknown }) => { throw new Error(`${method} ${path}: ${err.message} (${String(err.cause)})`); });
    return { status: res.status, body: (await res.json()) as any };
  };
  const agents = await api('GET', '/v1/agents?language=en&limit=1');
  const agentId = agents.body.data?.[0]?.id as string | undefined;
  if (!agentId) return [{ title: 'Media', rows: [], notes: ['No English agent in the catalog: skipped.'] }];

  let peakContent = 0;
  let peakTools = 0;
  const sampler = setInterval(() => {
    peakContent = Math.max(peakContent, contentRssMb());
    peakTools = Math.max(peakTools, childRssMb(['ffmpeg', 'espeak']));
  }, 200);

  try {
    // Baseline: ffmpeg alone, 8 s of 720x1280 H.264 + AAC from one still and silence.
    const dir = mkdtempSync(join(tmpdir(), 'bench-media-'));
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=navy:s=720x1280', '-frames:v', '1', join(dir, 'still.png')]);
    const baseline: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await run('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-framerate', '30', '-i', join(dir, 'still.png'), '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono',
        '-t', '8', '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', join(dir, 'out.mp4')]);
      baseline.push(performance.now() - t);
    }
    rmSync(dir, { recursive: true, force: true });

    const single: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = await api('POST', '/v1/content/video/generate', { agent_id: agentId, platform: 'tiktok', scene_description: `Bench scene ${i}: a sunrise run`, duration_seconds: 8, aspect_ratio: '9:16' });
      if (res.status !== 202) throw new Error(`video generate answered ${res.status}: ${JSON.stringify(res.body)}`);
      for (;;) {
        const s = await api('GET', `/v1/content/video/${res.body.job.id}/status`);
        if (s.body.status === 'done') break;
        if (['error', 'cancelled', 'stopped'].includes(s.body.status)) throw new Error(`video ended ${s.body.status}: ${JSON.stringify(s.body.error)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      single.push(performance.now() - t);
    }

    const rows = ctx.quick ? 10 : 100;
    const csv = `script,platform,duration_seconds\n${Array.from({ length: rows }, (_, i) => `"Row ${i}: three things I learned from this week's long run. Pace yourself, fuel early, sleep well.",tiktok,8`).join('\n')}\n`;
    const t0 = performance.now();
    const batch = await api('POST', '/v1/content/bulk', { agent_id: agentId, csv });
    if (batch.status !== 202) throw new Error(`bulk answered ${batch.status}: ${JSON.stringify(batch.body)}`);
    let final: any;
    for (;;) {
      final = (await api('GET', `/v1/content/bulk/${batch.body.id}`)).body;
      if (final.status !== 'processing') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const bulkSeconds = (performance.now() - t0) / 1000;
    const perMinute = (final.rows_done / bulkSeconds) * 60;

    const s = stats(single);
    const b = stats(baseline);
    const ratio = s.p50 / b.p50;
    return [{
      title: 'Media — offline video rendering (live key, through the API)',
      rows: [
        { path: 'ffmpeg alone: 8 s 720x1280 H.264 + AAC from one still (baseline)', runs: baseline.length, 'p50 s': round1(b.p50 / 1000), 'max s': round1(b.max / 1000), 'videos per minute': round1(60_000 / b.p50), 'rows done': '—', 'rows failed': '—' },
        { path: 'POST /v1/content/video/generate → status done: 8 s 9:16 (script, speech, frames, captions, encode, checks, storage)', runs: single.length, 'p50 s': round1(s.p50 / 1000), 'max s': round1(s.max / 1000), 'videos per minute': round1(60_000 / s.p50), 'rows done': '—', 'rows failed': '—' },
        { path: `bulk batch of ${rows} rows, 8 s each (JOB_CONCURRENCY per content process)`, runs: 1, 'p50 s': round1(bulkSeconds), 'max s': round1(bulkSeconds), 'videos per minute': round1(perMinute), 'rows done': final.rows_done, 'rows failed': final.rows_failed },
      ],
      notes: [
        `Full render over the bare encode: ${round1(ratio)}× at p50.`,
        `Peak resident memory while rendering: content service ${Math.round(peakContent)} MB; ffmpeg and espeak-ng processes together ${Math.round(peakTools)} MB (sampled every 200 ms).`,
      ],
      targets: [
        { name: 'every bulk row rendered', target: `${rows} of ${rows}`, measured: `${final.rows_done} of ${rows}`, met: final.rows_done === rows },
      ],
    }];
  } finally {
    clearInterval(sampler);
  }
}

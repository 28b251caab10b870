import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Influgentic, InfluNotFoundError } from '@influgentic/sdk';
import { startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { cli, expectSuccess, startCli } from './run-cli';

const PLATFORM_ENV = {
  WEBHOOKS_SECRET_KEY: randomBytes(32).toString('base64'), WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_POLL_MS: '50',
  // A little latency per word, so a streamed generation arrives in visibly separate pieces.
  CONTENT_TEMPLATE_CHUNK_DELAY_MS: '15',
};
const VELO = 'agent_velo_automotive';

function nextMonday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7) + 7);
  return day.toISOString().slice(0, 10);
}

/** The `influgentic` command as a user runs it, against the real platform, in an organization of its own. */
describe('influgentic CLI against the platform', () => {
  let platform: Platform;
  let client: Influgentic;
  let token: string;
  let configHome: string;
  let env: Record<string, string>;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, PLATFORM_ENV);
    platform = await startPlatform(['registry', 'campaigns', 'content', 'analytics', 'webhooks']);
    const operator = new Influgentic({ apiKey: TEST_ADMIN_TOKEN, baseUrl: platform.url });
    const created = await operator.admin.organizations.create({ name: `CLI ${randomBytes(3).toString('hex')}`, plan: 'enterprise' });
    token = created.api_key.token;
    client = new Influgentic({ apiKey: token, baseUrl: platform.url });
    configHome = await mkdtemp(join(tmpdir(), 'influgentic-cli-'));
    env = { INFLUGENTIC_API_KEY: token, INFLUGENTIC_BASE_URL: platform.url, XDG_CONFIG_HOME: configHome };
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    process.env = saved;
    if (configHome) await rm(configHome, { recursive: true, force: true });
  });

  describe('login', () => {
    it('checks the key and stores it 0600 under XDG_CONFIG_HOME; later commands use it; logout removes it', async () => {
      const home = await mkdtemp(join(tmpdir(), 'influgentic-login-'));
      try {
        const login = await cli(['login', '--api-key', token, '--base-url', platform.url], { XDG_CONFIG_HOME: home });
        expect(login.stderr).toBe('');
        expect(login.code).toBe(0);
        expect(login.stdout).toContain(`Logged in to ${platform.url}`);
        const file = join(home, 'influgentic', 'config.json');
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        expect((await stat(join(home, 'influgentic'))).mode & 0o777).toBe(0o700);
        expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ api_key: token, base_url: platform.url });

        const listed = await cli(['--json', 'agents', 'list', '--limit', '1'], { XDG_CONFIG_HOME: home });
        expect(listed.code).toBe(0);
        expect(JSON.parse(listed.stdout).data).toHaveLength(1);

        const logout = await cli(['logout'], { XDG_CONFIG_HOME: home });
        expect(logout.code).toBe(0);
        await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
        const after = await cli(['agents', 'list'], { XDG_CONFIG_HOME: home });
        expect(after.code).toBe(3);
        expect(after.stderr).toContain('influgentic login');
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    }, 30_000);

    it('reads the key from stdin when it is not a terminal, and refuses a bad key with exit 3 without storing it', async () => {
      const home = await mkdtemp(join(tmpdir(), 'influgentic-login-'));
      try {
        const piped = await cli(['login', '--base-url', platform.url], { XDG_CONFIG_HOME: home }, `${token}\n`);
        expect(piped.code).toBe(0);
        expect(JSON.parse(await readFile(join(home, 'influgentic', 'config.json'), 'utf8')).api_key).toBe(token);

        const other = await mkdtemp(join(tmpdir(), 'influgentic-login-'));
        const refused = await cli(['login', '--api-key', 'ig_live_not_a_real_key_000000000000', '--base-url', platform.url], { XDG_CONFIG_HOME: other });
        expect(refused.code).toBe(3);
        expect(refused.stderr).toMatch(/^Error: .+ \(401 unauthorized\)$/m);
        await expect(stat(join(other, 'influgentic', 'config.json'))).rejects.toMatchObject({ code: 'ENOENT' });
        await rm(other, { recursive: true, force: true });
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    }, 30_000);
  });

  it('lists agents as a table, and as the API\'s JSON with --json', async () => {
    const args = ['agents', 'list', '--category', 'automotive', '--sort', 'reach', '--limit', '3'];
    const [table, json] = await Promise.all([cli(args, env), cli(['--json', ...args], env)]);
    expect(table.code).toBe(0);
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout) as { data: Array<{ id: string; name: string }>; meta: { next_cursor: string | null } };
    expect(page.data).toHaveLength(3);
    expect(page.meta.next_cursor).toEqual(expect.any(String));
    const rows = table.stdout.split('\n').filter((line) => line.startsWith('│'));
    expect(rows[0]).toMatch(/│ ID\s+│ NAME\s+│ CATEGORY\s+│/);
    expect(rows.slice(1).map((row) => row.split('│')[1].trim())).toEqual(page.data.map((a) => a.id));
    expect(table.stdout).not.toContain('\u001b[');
    expect(table.stderr).toContain(`--cursor ${page.meta.next_cursor}`);
  }, 30_000);

  it('creates, pauses, resumes and cancels a campaign', async () => {
    const created = await cli(['--json', 'campaigns', 'create', '--agent', VELO, '--type', 'lead_gen', '--name', 'CLI launch', '--budget', '100', '--product', 'Test drive'], env);
    expect(created.code).toBe(0);
    const campaign = JSON.parse(created.stdout) as { id: string; status: string; budget_usd: number };
    expect(campaign).toMatchObject({ status: 'active', budget_usd: 100 });

    const paused = await cli(['campaigns', 'pause', campaign.id], env);
    expect(paused.stdout).toContain(`Paused ${campaign.id} (now paused)`);
    const resumed = await cli(['campaigns', 'resume', campaign.id], env);
    expect(resumed.stdout).toContain(`Resumed ${campaign.id} (now active)`);
    const cancelled = await cli(['--json', 'campaigns', 'cancel', campaign.id], env);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id: campaign.id, status: 'cancelled' });
    expect((await client.campaigns.retrieve(campaign.id)).status).toBe('cancelled');

    const listed = await cli(['--json', 'campaigns', 'list', '--status', 'cancelled'], env);
    expect(JSON.parse(listed.stdout).data.map((c: { id: string }) => c.id)).toContain(campaign.id);
  }, 40_000);

  describe('content', () => {
    const generated: string[] = [];

    it('streams a generation: the text arrives in several pieces before the command ends', async () => {
      const run = expectSuccess(await cli(['content', 'generate', VELO, '--type', 'product_review', '--format', 'x_post', '--product', 'EV Series X Pro', '--claims', '800km range', '--target-use', 'daily commuting', '--stream'], env));
      const id = /Saved (cnt_\S+)/.exec(run.stderr)?.[1] as string;
      expect(id).toMatch(/^cnt_/);
      generated.push(id);
      expect(run.chunks.length).toBeGreaterThanOrEqual(3);
      expect(run.chunks.at(-1)!.at - run.chunks[0].at).toBeGreaterThan(30);
      const item = await client.content.retrieve(id);
      // What was printed is what was stored: the streamed text is the item's body.
      expect(run.stdout.trim().length).toBeGreaterThan(20);
      expect(item.body.replace(/\s+/g, ' ')).toContain(run.stdout.trim().replace(/\s+/g, ' ').slice(0, 20));
    }, 30_000);

    it('generates without streaming, then shows the queue, approves one item and rejects the other', async () => {
      const made = expectSuccess(await cli(['--json', 'content', 'generate', VELO, '--type', 'product_launch', '--format', 'post', '--product', 'EV Series X Pro', '--claims', '800km range,fast charging', '--target-use', 'road trips'], env));
      generated.push(JSON.parse(made.stdout).id);
      const [first, second] = generated;

      const queue = await cli(['--json', 'content', 'queue', '--agent', VELO], env);
      const queued = JSON.parse(queue.stdout).data as Array<{ id: string; status: string }>;
      expect(queued.map((c) => c.id)).toEqual(expect.arrayContaining([first, second]));
      expect(queued.every((c) => c.status === 'pending_review')).toBe(true);
      const table = await cli(['content', 'queue', '--agent', VELO], env);
      expect(table.stdout).toContain(first);

      const approved = await cli(['content', 'approve', first], env);
      expect(approved.stdout).toContain(`Approved ${first} (now approved)`);
      const rejected = await cli(['--json', 'content', 'reject', second, '--reason', 'Off brand'], env);
      expect(JSON.parse(rejected.stdout)).toMatchObject({ id: second, status: 'rejected', rejection_reason: 'Off brand' });

      const after = JSON.parse((await cli(['--json', 'content', 'queue', '--agent', VELO], env)).stdout).data as Array<{ id: string }>;
      expect(after.map((c) => c.id)).not.toContain(first);
      expect(after.map((c) => c.id)).not.toContain(second);
    }, 40_000);

    it('plans a week and follows the job to the end', async () => {
      const run = await cli(['content', 'week', '--agent', VELO, '--week', nextMonday(), '--platforms', 'x', '--posts-per-day', '1'], { ...env, INFLUGENTIC_POLL_MS: '200' });
      expect(run.stderr).not.toContain('Error');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Week planned: 7 of 7 items generated \(job_\S+\)/);
      // Off a terminal the progress is a line per change, ending at 100%.
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^100% 7\/7 items$/);
    }, 60_000);
  });

  it('prints a campaign report as CSV', async () => {
    const campaign = await client.campaigns.create({ agent_id: VELO, type: 'lead_gen', name: 'Report me', budget_usd: 50 });
    const today = new Date().toISOString().slice(0, 10);
    await waitFor(async () => client.analytics.ingest({ events: [
      { id: `e1-${campaign.id}`, type: 'impression', campaign_id: campaign.id, count: 1200, platform: 'instagram', language: 'en' },
      { id: `e2-${campaign.id}`, type: 'engagement', campaign_id: campaign.id, count: 90, platform: 'instagram', language: 'en' },
      { id: `e3-${campaign.id}`, type: 'lead', campaign_id: campaign.id, count: 4, platform: 'instagram', language: 'en' },
    ] }).then(() => true, () => false));
    await waitFor(async () => (await client.analytics.campaign(campaign.id, { start: today, end: today })).summary.total_impressions === 1200);

    const run = await cli(['analytics', 'report', campaign.id, '--start', today, '--end', today, '--csv'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`date,impressions,engagements,clicks,leads,conversions,revenue_usd\n${today},1200,90,0,4,0,0\n`);
    const human = await cli(['analytics', 'report', campaign.id, '--start', today, '--end', today], env);
    expect(human.stdout).toMatch(/impressions\s+1200/);
    expect(human.stdout).toMatch(/engagement rate\s+7\.50%/);
  }, 40_000);

  it('listens for webhooks: a webhook.test delivery is printed as verified; Ctrl-C deletes the endpoint', async () => {
    const listener = startCli(['webhooks', 'listen'], env);
    try {
      const endpointId = await waitFor(async () => /Endpoint (wh_\S+)/.exec(listener.run.stderr)?.[1], 20_000);
      expect(listener.run.stderr).toMatch(/Your webhook signing secret is igsec_\S+/);

      const sent = await cli(['webhooks', 'test', endpointId], env);
      expect(sent.code).toBe(0);
      expect(sent.stdout).toContain(`Sent webhook.test to ${endpointId}`);
      const line = await waitFor(async () => listener.run.stdout.split('\n').find((l) => l.includes('webhook.test')), 20_000);
      expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} webhook\.test evt_\S+ \[verified\]$/);

      listener.child.kill('SIGINT');
      const ended = await listener.done;
      expect(ended.code).toBe(0);
      expect(ended.stderr).toContain(`Deleted endpoint ${endpointId}`);
      await expect(client.webhooks.retrieve(endpointId)).rejects.toBeInstanceOf(InfluNotFoundError);
    } finally {
      if (listener.run.code === null) listener.child.kill('SIGKILL');
    }
  }, 60_000);

  it('creates, lists and revokes a key; the revoked key then exits 3', async () => {
    const created = await cli(['--json', 'keys', 'create', '--name', 'ci', '--scopes', 'agents:read'], env);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; token: string; scopes: string[] };
    expect(key.token).toMatch(/^ig_live_/);
    expect(key.scopes).toEqual(['agents:read']);

    const listed = await cli(['keys', 'list'], env);
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).not.toContain(key.token);

    const before = await cli(['agents', 'list', '--limit', '1'], { ...env, INFLUGENTIC_API_KEY: key.token });
    expect(before.code).toBe(0);
    const revoked = await cli(['keys', 'revoke', key.id], env);
    expect(revoked.stdout).toContain(`Revoked ${key.id}`);
    const after = await cli(['agents', 'list', '--limit', '1', '--api-key', key.token], env);
    expect(after.code).toBe(3);
    expect(after.stderr).toMatch(/\(401 unauthorized\)/);
  }, 40_000);

  describe('failures', () => {
    it('a 404 exits 4 with the problem and its request id', async () => {
      const run = await cli(['campaigns', 'get', 'camp_does_not_exist'], env);
      expect(run.code).toBe(4);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^Error: .+ \(404 not_found\)$/m);
      expect(run.stderr).toMatch(/^Request ID: req_\S+$/m);
      const json = await cli(['--json', 'campaigns', 'get', 'camp_does_not_exist'], env);
      expect(json.code).toBe(4);
      expect(JSON.parse(json.stderr)).toMatchObject({ status: 404, code: 'not_found', request_id: expect.stringMatching(/^req_/) });
    }, 20_000);

    it('a 422 exits 1 and prints each invalid field', async () => {
      const run = await cli(['campaigns', 'create', '--agent', VELO, '--type', 'not_a_type', '--name', 'Bad', '--budget', '-5'], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error: .+ \(422 validation_error\)$/m);
      expect(run.stderr).toMatch(/^ {2}- type: .+$/m);
      expect(run.stderr).toMatch(/^ {2}- budget_usd: .+$/m);
    }, 20_000);

    it('a key nobody issued exits 3', async () => {
      const run = await cli(['agents', 'list', '--api-key', 'ig_live_nobody_issued_this_key_0000'], env);
      expect(run.code).toBe(3);
    }, 20_000);

    it('no server exits 5 with a hint', async () => {
      // A port that was just free: nothing listens there.
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      await new Promise((resolve) => server.close(resolve));
      const run = await cli(['agents', 'list', '--base-url', `http://127.0.0.1:${port}`], env);
      expect(run.code).toBe(5);
      expect(run.stderr).toContain(`Could not reach http://127.0.0.1:${port}`);
    }, 30_000);

    it('a usage error exits 2', async () => {
      const run = await cli(['content', 'week', '--agent', VELO, '--week', 'next monday'], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('YYYY-MM-DD');
    }, 20_000);
  });
});

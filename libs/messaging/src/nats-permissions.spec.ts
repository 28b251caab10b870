import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { natsPermissions, natsServerConfig } from './nats-permissions';

describe('NATS subject permissions', () => {
  const perms = natsPermissions('');

  it('lets the gateway publish requests to every service but listen to none of them', () => {
    expect(perms.gateway.publish).toEqual(expect.arrayContaining(['registry.>', 'campaigns.>', 'content.>']));
    expect(perms.gateway.subscribe.some((s) => /^(registry|campaigns|content|analytics|webhooks)\./.test(s))).toBe(false);
    expect(perms.gateway.allowResponses).toBe(false);
  });

  it('lets each service subscribe only to its own request subjects and call only what it depends on', () => {
    expect(perms.registry.subscribe).toEqual(['_INBOX_registry.>', 'registry.>']);
    expect(perms.campaigns.publish).toContain('registry.agents.resolve.v1');
    expect(perms.campaigns.publish.some((s) => s.startsWith('content.'))).toBe(false);
    expect(perms.content.publish).toEqual(expect.arrayContaining(['campaigns.spend.reserve.v1', 'stream.*.chunks']));
    expect(perms.registry.publish.some((s) => s.startsWith('campaigns.') || s.startsWith('content.'))).toBe(false);
    for (const s of ['registry', 'campaigns', 'content', 'analytics', 'webhooks'] as const) {
      expect(perms[s].allowResponses).toBe(true);
      expect(perms[s].publish).toContain('evt.>');
    }
  });

  it('lets the gateway read the EVENTS stream through consumers of its own, but neither publish events nor change the stream', () => {
    expect(perms.gateway.publish).toEqual(expect.arrayContaining(['$JS.API.CONSUMER.CREATE.EVENTS.>', '$JS.API.CONSUMER.MSG.NEXT.EVENTS.>', '$JS.API.CONSUMER.DELETE.EVENTS.>']));
    expect(perms.gateway.publish.some((s) => s.startsWith('evt.') || s.includes('STREAM.CREATE') || s.includes('STREAM.UPDATE') || s.startsWith('$JS.ACK'))).toBe(false);
  });

  it('re-roots every subject and the stream under a namespace', () => {
    const ns = natsPermissions('inst1');
    expect(ns.registry.subscribe).toContain('inst1.registry.>');
    expect(ns.registry.publish).toEqual(expect.arrayContaining(['inst1.evt.>', '$JS.ACK.inst1_EVENTS.>']));
    // The gateway's JetStream API calls (the live event feed) name the namespaced stream instead.
    expect(ns.gateway.publish.every((s) => s.startsWith('inst1.') || s.includes('.inst1_EVENTS'))).toBe(true);
  });

  it('is what deploy/nats/nats.conf says (regenerate: node scripts/run-ts.js tools/nats-config-cli.ts)', () => {
    const file = readFileSync(join(__dirname, '..', '..', '..', 'deploy', 'nats', 'nats.conf'), 'utf8');
    expect(file).toBe(natsServerConfig());
    expect(file).toContain('password: $NATS_GATEWAY_PASSWORD');
  });
});

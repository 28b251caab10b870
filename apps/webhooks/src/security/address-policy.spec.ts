import { allowPrivateTargets, guardedLookup, isForbiddenAddress, resolveTarget, TargetRefusedError } from './address-policy';

async function refusalOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (err instanceof TargetRefusedError) return err.code;
    throw err;
  }
}

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback v6'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata'], ['169.254.10.1', 'link-local'], ['fe80::1', 'link-local v6'], ['fe80::1%eth0', 'link-local v6 with zone'],
    ['100.64.0.1', 'carrier-grade NAT'], ['100.100.100.200', 'metadata in CGNAT'], ['fd00:ec2::254', 'AWS metadata v6'], ['fc00::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'v4-mapped loopback'], ['::7f00:1', 'v4-compatible loopback'], ['::a00:1', 'v4-compatible private'], ['::ffff:10.0.0.1', 'v4-mapped private'], ['::ffff:a9fe:a9fe', 'v4-mapped metadata (hex)'],
    ['0.0.0.0', 'unspecified'], ['::', 'unspecified v6'], ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast v6'],
    ['255.255.255.255', 'broadcast'], ['192.0.2.10', 'documentation'], ['240.0.0.1', 'reserved'], ['64:ff9b::a00:1', 'NAT64 of a private address'],
    ['2002:7f00:1::', '6to4 wrapping loopback'], ['not-an-ip', 'garbage'], ['', 'empty'],
  ])('refuses %s (%s)', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8', '[2001:4860:4860::8888]'])(
    'allows the public address %s', (ip) => {
      expect(isForbiddenAddress(ip)).toBe(false);
    });
});

describe('allowPrivateTargets', () => {
  it('is on only for WEBHOOKS_ALLOW_PRIVATE=true', () => {
    expect(allowPrivateTargets({ WEBHOOKS_ALLOW_PRIVATE: 'true' })).toBe(true);
    expect(allowPrivateTargets({ WEBHOOKS_ALLOW_PRIVATE: '1' })).toBe(false);
    expect(allowPrivateTargets({})).toBe(false);
  });
});

describe('resolveTarget', () => {
  const strict = { allowPrivate: false };
  const relaxed = { allowPrivate: true };

  it('takes https to a public address literal without a lookup', async () => {
    await expect(resolveTarget(new URL('https://93.184.216.34/hooks'), strict)).resolves.toEqual(['93.184.216.34']);
    await expect(resolveTarget(new URL('https://[2606:2800:220:1:248:1893:25c8:1946]/'), strict)).resolves.toEqual(['2606:2800:220:1:248:1893:25c8:1946']);
  });

  it('refuses http unless private targets are allowed, and other schemes always', async () => {
    expect(await refusalOf(resolveTarget(new URL('http://93.184.216.34/'), strict))).toBe('bad_scheme');
    await expect(resolveTarget(new URL('http://93.184.216.34/'), relaxed)).resolves.toEqual(['93.184.216.34']);
    expect(await refusalOf(resolveTarget(new URL('ftp://93.184.216.34/'), relaxed))).toBe('bad_scheme');
    expect(await refusalOf(resolveTarget(new URL('file:///etc/passwd'), relaxed))).toBe('bad_scheme');
  });

  it('refuses forbidden addresses, as literals or by name, unless allowed', async () => {
    for (const url of ['https://127.0.0.1/', 'https://[::1]/', 'https://169.254.169.254/latest', 'https://[::ffff:7f00:1]/', 'https://0x7f000001/', 'https://localhost/']) {
      expect(await refusalOf(resolveTarget(new URL(url), strict))).toBe('forbidden_address');
    }
    await expect(resolveTarget(new URL('http://127.0.0.1:8080/'), relaxed)).resolves.toEqual(['127.0.0.1']);
  });

  it('refuses a host that does not resolve', async () => {
    expect(await refusalOf(resolveTarget(new URL('https://no-such-host.invalid/'), relaxed))).toBe('unresolvable_host');
  });
});

describe('guardedLookup', () => {
  const lookup = (host: string, allow: boolean) => new Promise<{ err: Error | null; address: unknown }>((resolve) => {
    guardedLookup(() => allow)(host, {}, (err, address) => resolve({ err, address }));
  });

  it('fails the connection when the name resolves to a forbidden address, and passes it when allowed', async () => {
    const refused = await lookup('localhost', false);
    expect(refused.err).toBeInstanceOf(TargetRefusedError);
    const allowed = await lookup('localhost', true);
    expect(allowed.err).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(allowed.address);
  });
});

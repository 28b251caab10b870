import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go. Receivers are on the public internet: private, loopback, link-local (cloud metadata),
 * carrier-grade NAT, unique-local, multicast, reserved and every other special-purpose range is refused unless the
 * operator allows private targets (`WEBHOOKS_ALLOW_PRIVATE=true`, for development and tests). The check applies to
 * every resolved address, at creation and again at connect time of every attempt (DNS can change in between).
 */

export type TargetRefusal = 'unresolvable_host' | 'forbidden_address' | 'bad_scheme';

export class TargetRefusedError extends Error {
  constructor(readonly code: TargetRefusal, message: string, readonly address?: string) {
    super(message);
    this.name = 'TargetRefusedError';
  }
}

/** Cloud metadata services, named so the intent survives a change of the range tables below. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/** How long a lookup may take before the host counts as unresolvable. */
export const RESOLVE_TIMEOUT_MS = 3_000;

/**
 * True for any address a webhook must not reach. ipaddr.js classifies the special-purpose registries (IANA IPv4 and
 * IPv6); only ordinary global unicast passes. An IPv4-mapped IPv6 address is judged as the IPv4 address it carries;
 * anything that does not parse is refused.
 */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const zoneless = bare.split('%')[0];
  if (!ipaddr.isValid(zoneless)) return true;
  let addr = ipaddr.parse(zoneless);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  // IPv4-compatible IPv6 (::a.b.c.d, deprecated) may still reach the IPv4 host on some systems: never a public target.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return true;
  if (METADATA_ADDRESSES.has(addr.toNormalizedString()) || METADATA_ADDRESSES.has(addr.toString())) return true;
  return addr.range() !== 'unicast';
}

/** `WEBHOOKS_ALLOW_PRIVATE=true` lets webhooks reach private addresses and plain http (read at call time). */
export function allowPrivateTargets(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WEBHOOKS_ALLOW_PRIVATE === 'true';
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('lookup timed out')), RESOLVE_TIMEOUT_MS);
    const opts: LookupAllOptions = { all: true, verbatim: true };
    dnsLookup(host, opts, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses);
    });
  });
}

/**
 * The addresses a webhook URL reaches, or a TargetRefusedError: a scheme other than https (http too when private
 * targets are allowed), a host that does not resolve, or any resolved address in a forbidden range.
 */
export async function resolveTarget(url: URL, opts: { allowPrivate: boolean }): Promise<string[]> {
  const schemes = opts.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    throw new TargetRefusedError('bad_scheme', opts.allowPrivate ? 'must be an http or https URL' : 'must be an https URL');
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!host) throw new TargetRefusedError('unresolvable_host', 'has no host');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookupAll(host)).map((a) => a.address);
    } catch {
      throw new TargetRefusedError('unresolvable_host', `host ${host} does not resolve`);
    }
    if (!addresses.length) throw new TargetRefusedError('unresolvable_host', `host ${host} does not resolve`);
  }
  if (!opts.allowPrivate) {
    const refused = addresses.find(isForbiddenAddress);
    if (refused) throw new TargetRefusedError('forbidden_address', 'resolves to a private, loopback, link-local or reserved address', refused);
  }
  return addresses;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup`-compatible function for an HTTP client's connect step (`net.connect({ lookup })`, undici's
 * `connect: { lookup }`): it resolves as usual and fails the connection when an address is forbidden, so the address
 * actually dialled is the one checked. Sockets skip the lookup for an IP literal host: check those with
 * `resolveTarget` (or `isForbiddenAddress`) before connecting.
 */
export function guardedLookup(allowPrivate: () => boolean = allowPrivateTargets) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const opts = typeof options === 'number' ? { family: options } : options ?? {};
    dnsLookup(hostname, { ...opts, all: true, verbatim: true } as LookupAllOptions, (err, addresses) => {
      if (err) return callback(err, opts.all ? [] : '', 0);
      const refused = allowPrivate() ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (refused) {
        const denied = new TargetRefusedError('forbidden_address', `${hostname} resolves to a forbidden address`, refused.address);
        return callback(denied as unknown as NodeJS.ErrnoException, opts.all ? [] : '', 0);
      }
      if (opts.all) return callback(null, addresses);
      const first = addresses[0];
      return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    });
  };
}

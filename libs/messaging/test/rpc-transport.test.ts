import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { NatsConnection } from 'nats';
import { DomainError, type RequestContext } from '@influgentic/contracts';
import { BusClient, connectNats, contextToHeaders, JsonText, NatsRpcServer, readRpcReply } from '@influgentic/messaging';

const log = pino({ level: 'silent' });
const CTX: RequestContext = { requestId: 'req_transport', organizationId: 'org_transport', livemode: false, scopes: [] };

/**
 * The services' transport on the real NATS server, without NestJS around it: handlers are registered as NestJS
 * registers them (`addHandler`) and called the way its router calls them.
 */
describe('NatsRpcServer (real NATS)', () => {
  const subject = (name: string) => `test.transport.${randomBytes(4).toString('hex')}.${name}`;
  let server: NatsRpcServer;
  let bus: BusClient;
  let raw: NatsConnection;
  const subjects = { text: subject('text'), refuse: subject('refuse'), crash: subject('crash'), echo: subject('echo') };

  beforeAll(async () => {
    server = new NatsRpcServer({ name: 'transport-test', queue: 'transport-test', log });
    const add = (s: string, fn: (data: unknown) => Promise<unknown>) => server.addHandler(s, Object.assign(fn, { isEventHandler: false }) as never);
    add(subjects.text, async () => new JsonText('{"data":[{"id":"a"}],"meta":{"total":1}}'));
    // NestJS's exception filter hands the transport the error payload (RpcErrorFilter).
    add(subjects.refuse, async () => { throw new DomainError('not_found', 'No such thing').toPayload(); });
    add(subjects.crash, async () => { throw new Error('boom'); });
    add(subjects.echo, async (data) => ({ got: data }));
    await new Promise<void>((resolve, reject) => server.listen((err?: unknown) => (err ? reject(err) : resolve())));
    bus = new BusClient('transport-test-client');
    raw = await connectNats('transport-test-raw');
  });

  afterAll(async () => {
    await server.close();
    await bus.close();
    await raw.drain();
  });

  it('sends the payload as the handler\'s argument and its result back as JSON', async () => {
    await expect(bus.request(subjects.echo, { params: { id: 'x' } }, CTX)).resolves.toEqual({ got: { params: { id: 'x' } } });
  });

  it('passes JSON a handler wrote itself through byte for byte', async () => {
    const bytes = await bus.requestBytes(subjects.text, {}, CTX);
    expect(new TextDecoder().decode(bytes)).toBe('{"data":[{"id":"a"}],"meta":{"total":1}}');
  });

  it('carries a refusal back as the DomainError, and anything else as internal_error', async () => {
    await expect(bus.request(subjects.refuse, {}, CTX)).rejects.toMatchObject({ code: 'not_found', message: 'No such thing' });
    await expect(bus.request(subjects.crash, {}, CTX)).rejects.toMatchObject({ code: 'internal_error' });
  });

  it('refuses a request without tenancy headers before the handler runs', async () => {
    const reply = readRpcReply(await raw.request(subjects.echo, new TextEncoder().encode('{}'), { timeout: 2000 }));
    expect(!reply.ok && reply.error.code).toBe('forbidden');
  });

  it('refuses a body that is not JSON', async () => {
    const reply = readRpcReply(await raw.request(subjects.echo, new TextEncoder().encode('{nope'), { timeout: 2000, headers: contextToHeaders(CTX) }));
    expect(!reply.ok && reply.error.code).toBe('bad_request');
  });

  it('answers the requests it holds when it is closed, and takes no new ones', async () => {
    const second = new NatsRpcServer({ name: 'transport-test-2', queue: 'transport-test-2', log });
    const slow = subject('closing');
    second.addHandler(slow, Object.assign(async () => { await new Promise((r) => setTimeout(r, 400)); return { finished: true }; }, { isEventHandler: false }) as never);
    await new Promise<void>((resolve, reject) => second.listen((err?: unknown) => (err ? reject(err) : resolve())));
    const inFlight = bus.request(slow, {}, CTX, 3000);
    await new Promise((r) => setTimeout(r, 100));
    const closing = second.close();
    await expect(inFlight).resolves.toEqual({ finished: true });
    await closing;
    await expect(bus.request(slow, {}, CTX, 1000)).rejects.toMatchObject({ code: 'service_unavailable' });
  });
});

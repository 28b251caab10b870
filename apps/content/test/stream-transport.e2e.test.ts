import { headers as natsHeaders, JSONCodec, type Msg, type NatsConnection } from 'nats';
import { ContentSubjects, Subjects, type ContentStreamMessage } from '@influgentic/contracts';
import { connectNats, encodeJson, markRpcError } from '@influgentic/messaging';
import { startPlatform, waitFor, type Platform } from '../../../tools/testing/platform';
import { postSse, streamedText } from './sse-client';

const codec = JSONCodec<any>();
const BRIEF = { content_type: 'product_review', format: 'post', stream: true, product: { name: 'EV X', key_claims: ['800 km'], target_use: 'commuting' } };

type Script = (session: string, reply: (r: { response?: unknown; err?: unknown }) => void, publish: (m: ContentStreamMessage) => void) => void | Promise<void>;

/**
 * The gateway's half of streaming, against a scripted stand-in for the content service on the real NATS server:
 * ordering by sequence number, chunks published before the session was even confirmed, a lost chunk, a silent
 * service, a refusal before the stream and a client that leaves.
 */
describe('SSE bridge over NATS (gateway against a scripted content service)', () => {
  let platform: Platform;
  let nc: NatsConnection;
  let script: Script = () => undefined;
  const cancels = new Map<string, string>();
  let lastStart: Record<string, unknown> = {};

  beforeAll(async () => {
    Object.assign(process.env, { SSE_GAP_MS: '300', SSE_SILENCE_MS: '700', SSE_START_TIMEOUT_MS: '600', SSE_HEARTBEAT_MS: '60000' });
    platform = await startPlatform([]);
    nc = await connectNats('fake-content');
    nc.subscribe(ContentSubjects.streamStart, {
      callback: (_e, msg: Msg) => {
        lastStart = codec.decode(msg.data);
        const session = lastStart.session_id as string;
        nc.subscribe(Subjects.streamControl(session), { max: 1, callback: (_err, m) => cancels.set(session, codec.decode(m.data).reason) });
        // The services' wire format (rpc-wire.ts): the result as JSON, or a refusal marked by a header.
        const reply = (r: { response?: unknown; err?: unknown }) => (r.err
          ? msg.respond(encodeJson(r.err), { headers: markRpcError(natsHeaders()) })
          : msg.respond(encodeJson(r.response)));
        const publish = (m: ContentStreamMessage) => nc.publish(Subjects.streamChunks(session), codec.encode(m));
        void nc.flush().then(() => script(session, reply, publish));
      },
    });
    await nc.flush();
  });

  afterAll(async () => {
    for (const k of ['SSE_GAP_MS', 'SSE_SILENCE_MS', 'SSE_START_TIMEOUT_MS', 'SSE_HEARTBEAT_MS']) delete process.env[k];
    await nc?.drain();
    await platform?.close();
  });

  const started = (session: string) => ({ response: { session_id: session, content_id: 'cnt_fake', agent_id: 'agent_x', agent: 'X', model: 'builtin/template-v1' } });
  const open = () => postSse(`${platform.url}/v1/agents/agent_x/content`, platform.token, BRIEF);

  it('puts chunks back in sequence order and keeps the ones sent before the session was confirmed', async () => {
    script = (session, reply, publish) => {
      publish({ type: 'chunk', seq: 2, texts: ['two ', 'words '] });
      publish({ type: 'chunk', seq: 1, texts: ['One '] });
      reply(started(session));
      setTimeout(() => {
        publish({ type: 'ping' });
        publish({ type: 'complete', seq: 4, content_id: 'cnt_fake', tokens: 7, latency_ms: 3 });
        publish({ type: 'chunk', seq: 3, texts: ['end.'] });
        publish({ type: 'chunk', seq: 3, texts: ['duplicate'] });
      }, 50);
    };
    const res = await open();
    expect(res.status).toBe(200);
    expect(res.events.map((e) => (e.data === '[DONE]' ? e.data : e.data.type))).toEqual([
      'agent_start', 'content_chunk', 'content_chunk', 'content_chunk', 'content_chunk', 'content_complete', '[DONE]',
    ]);
    expect(streamedText(res)).toBe('One two words end.');
    expect(res.events[5].data).toEqual({ type: 'content_complete', tokens: 7, latency_ms: 3, content_id: 'cnt_fake' });
    // The start request is the typed command: path and validated body side by side (defaults applied), plus the session.
    expect(lastStart).toEqual({
      ...BRIEF, agent_id: 'agent_x', length: 'medium', include_cta: true, session_id: expect.stringMatching(/^sess_[a-z0-9]{26}$/),
    });
  });

  it('ends with an error event when a chunk is lost, and cancels the session', async () => {
    let id = '';
    script = (session, reply, publish) => {
      id = session;
      reply(started(session));
      publish({ type: 'chunk', seq: 1, texts: ['One '] });
      publish({ type: 'chunk', seq: 3, texts: ['three'] });
    };
    const res = await open();
    const last = res.events.slice(-2).map((e) => e.data);
    expect(last[0]).toMatchObject({ type: 'error', code: 'service_unavailable' });
    expect(last[1]).toBe('[DONE]');
    expect(streamedText(res)).toBe('One ');
    await waitFor(async () => cancels.has(id));
  });

  it('ends with an error event when the service falls silent', async () => {
    script = (session, reply) => reply(started(session));
    const t = Date.now();
    const res = await open();
    expect(res.events.map((e) => e.data.type ?? e.data)).toEqual(['agent_start', 'error', '[DONE]']);
    expect(Date.now() - t).toBeGreaterThanOrEqual(600);
  });

  it('relays the error event the service sends mid-stream', async () => {
    script = (session, reply, publish) => {
      reply(started(session));
      publish({ type: 'chunk', seq: 1, texts: ['Partial '] });
      publish({ type: 'error', seq: 2, code: 'service_unavailable', message: 'The language model provider failed' });
    };
    const res = await open();
    expect(res.events.slice(1).map((e) => e.data)).toEqual([
      { type: 'content_chunk', text: 'Partial ' }, { type: 'error', code: 'service_unavailable', message: 'The language model provider failed' }, '[DONE]',
    ]);
  });

  it('answers problem+json when the service refuses, and 503 when it does not answer', async () => {
    script = (_session, reply) => reply({ err: { code: 'agent_not_ready', message: 'Agent X is still training' } });
    const refused = await open();
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'agent_not_ready', status: 409 });

    let id = '';
    script = (session) => { id = session; };
    const silent = await open();
    expect(silent.status).toBe(503);
    expect(JSON.parse(silent.text).code).toBe('service_unavailable');
    // The service may have started after all; it is told to stop.
    await waitFor(async () => cancels.get(id));
  });

  it('publishes a cancel when the client disconnects', async () => {
    let id = '';
    script = (session, reply, publish) => {
      id = session;
      reply(started(session));
      publish({ type: 'chunk', seq: 1, texts: ['One '] });
    };
    const res = await postSse(`${platform.url}/v1/agents/agent_x/content`, platform.token, BRIEF, {
      stopWhen: (events) => events.some((e) => e.data?.type === 'content_chunk'),
    });
    expect(res.status).toBe(200);
    expect(await waitFor(async () => cancels.get(id))).toBe('the client disconnected');
  });
});

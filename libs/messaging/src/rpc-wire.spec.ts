import { headers as natsHeaders } from 'nats';
import { DomainError } from '@influgentic/contracts';
import { decodeJson, encodeJson, JsonText, markRpcError, readRpcReply } from './rpc-wire';

describe('rpc wire format', () => {
  it('passes a result through as the bytes the service wrote', () => {
    const data = encodeJson({ data: [{ id: 'agent_1' }], meta: { total: 1 } });
    const reply = readRpcReply({ data, headers: undefined });
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.bytes).toBe(data);
    expect(decodeJson(data)).toEqual({ data: [{ id: 'agent_1' }], meta: { total: 1 } });
  });

  it('sends JSON a handler already wrote as it is', () => {
    const text = '{"data":[{"id":"a","n":1.5}],"meta":{"total":1}}';
    expect(new TextDecoder().decode(encodeJson(new JsonText(text)))).toBe(text);
  });

  it('encodes nothing as an empty reply and reads it back as undefined', () => {
    expect(encodeJson(undefined).length).toBe(0);
    expect(decodeJson(new Uint8Array(0))).toBeUndefined();
    expect(decodeJson(encodeJson(null))).toBeNull();
  });

  it('turns a marked reply into the service\'s DomainError, field errors included', () => {
    const payload = { code: 'validation_error', message: 'Invalid', errors: [{ field: 'limit', code: 'max', message: 'too big' }] };
    const reply = readRpcReply({ data: encodeJson(payload), headers: markRpcError(natsHeaders()) });
    expect(reply.ok).toBe(false);
    const error = !reply.ok ? reply.error : null;
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'validation_error', message: 'Invalid', errors: payload.errors });
  });

  it('never lets an unreadable or unknown refusal through as anything but internal_error', () => {
    for (const data of [new TextEncoder().encode('not json'), encodeJson({ code: 'no_such_code', message: 'x' }), new Uint8Array(0)]) {
      const reply = readRpcReply({ data, headers: markRpcError(natsHeaders()) });
      expect(!reply.ok && reply.error.code).toBe('internal_error');
    }
  });
});

import { TargetRefusedError } from '../security/address-policy';
import { classifySendError } from './http-sender';

describe('send error classification', () => {
  const withCode = (code: string, name = 'Error') => Object.assign(new Error(`failed: ${code}`), { code, name });

  it('names what went wrong with a stable code, retried alike by the dispatcher', () => {
    expect(classifySendError(new TargetRefusedError('forbidden_address', 'no', '10.0.0.1')).code).toBe('forbidden_address');
    expect(classifySendError(Object.assign(new Error('x'), { cause: new TargetRefusedError('forbidden_address', 'no') })).code).toBe('forbidden_address');
    expect(classifySendError(new DOMException('The operation timed out.', 'TimeoutError')).code).toBe('timeout');
    expect(classifySendError(withCode('UND_ERR_HEADERS_TIMEOUT')).code).toBe('timeout');
    expect(classifySendError(withCode('UND_ERR_CONNECT_TIMEOUT')).code).toBe('timeout');
    expect(classifySendError(withCode('ENOTFOUND')).code).toBe('dns_failure');
    expect(classifySendError(withCode('EAI_AGAIN')).code).toBe('dns_failure');
    expect(classifySendError(withCode('ECONNREFUSED')).code).toBe('connection_refused');
    expect(classifySendError(withCode('ECONNRESET')).code).toBe('connection_reset');
    expect(classifySendError(withCode('UND_ERR_SOCKET')).code).toBe('connection_reset');
    expect(classifySendError(withCode('DEPTH_ZERO_SELF_SIGNED_CERT')).code).toBe('tls_error');
    expect(classifySendError(withCode('ERR_TLS_CERT_ALTNAME_INVALID')).code).toBe('tls_error');
    expect(classifySendError(new Error('something else')).code).toBe('network_error');
  });

  it('keeps the message short and never a stack', () => {
    const { message } = classifySendError(new Error('x'.repeat(2000)));
    expect(message).toHaveLength(500);
    expect(classifySendError(withCode('ECONNRESET')).message).not.toMatch(/\n\s+at /);
  });
});

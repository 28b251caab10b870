import { ConfigError, DEFAULT_HTTP_PORT, loadConfig } from './config';

const KEY = { INFLUGENTIC_API_KEY: 'ig_test_abc' };

describe('loadConfig', () => {
  it('runs over stdio against the local gateway by default', () => {
    expect(loadConfig(KEY, [])).toEqual({ apiKey: 'ig_test_abc', baseUrl: 'http://localhost:3000', transport: { kind: 'stdio' } });
  });

  it('takes the base URL from the environment', () => {
    expect(loadConfig({ ...KEY, INFLUGENTIC_BASE_URL: 'https://api.example.com' }, []).baseUrl).toBe('https://api.example.com');
    expect(() => loadConfig({ ...KEY, INFLUGENTIC_BASE_URL: 'ftp://example.com' }, [])).toThrow('INFLUGENTIC_BASE_URL');
  });

  it('serves streamable HTTP with --http, on --port when given', () => {
    expect(loadConfig(KEY, ['--http']).transport).toEqual({ kind: 'http', port: DEFAULT_HTTP_PORT });
    expect(loadConfig(KEY, ['--http', '--port', '0']).transport).toEqual({ kind: 'http', port: 0 });
    expect(loadConfig(KEY, ['--port=4100', '--http']).transport).toEqual({ kind: 'http', port: 4100 });
  });

  it('refuses a missing or blank key with a message that names the variable', () => {
    for (const env of [{}, { INFLUGENTIC_API_KEY: '  ' }]) {
      expect(() => loadConfig(env, [])).toThrow(ConfigError);
      expect(() => loadConfig(env, [])).toThrow('INFLUGENTIC_API_KEY is not set');
    }
  });

  it('refuses unknown options, bad ports and --port without --http', () => {
    expect(() => loadConfig(KEY, ['--verbose'])).toThrow('unknown option --verbose');
    expect(() => loadConfig(KEY, ['--http', '--port', 'abc'])).toThrow('--port needs a number');
    expect(() => loadConfig(KEY, ['--http', '--port', '70000'])).toThrow('--port needs a number');
    expect(() => loadConfig(KEY, ['--http', '--port'])).toThrow('not nothing');
    expect(() => loadConfig(KEY, ['--port', '4000'])).toThrow('--port is for --http');
  });
});

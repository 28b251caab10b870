import { Influgentic } from '@influgentic/sdk';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConfigError, loadConfig, USAGE } from './config';
import { serveHttp } from './http-server';
import { createMcpServer, SERVER_NAME } from './server';

// stdout carries the protocol over stdio: everything for people goes to stderr.
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(USAGE);
    return;
  }
  const config = loadConfig(process.env, args);
  const client = new Influgentic({ apiKey: config.apiKey, baseUrl: config.baseUrl });
  if (config.transport.kind === 'http') {
    const http = await serveHttp(() => createMcpServer(client), config.transport.port);
    process.stderr.write(`${SERVER_NAME} serving streamable HTTP at ${http.url} for ${config.baseUrl}\n`);
    const stop = () => void http.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const server = createMcpServer(client);
  await server.connect(new StdioServerTransport());
  process.stderr.write(`${SERVER_NAME} ready on stdio for ${config.baseUrl}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${SERVER_NAME}: ${err.message}\n\n${USAGE}`);
  else process.stderr.write(`${SERVER_NAME}: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});

import './tracing';
import 'reflect-metadata';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway.app';

async function main() {
  const config = loadGatewayConfig();
  const gateway = await createGateway(config);
  const line = gateway.bootstrapCreated ? `created API key ${gateway.bootstrapToken} (saved in ${config.DATA_DIR}/dev-api-key)` : 'bootstrap key ready';
  process.stdout.write(`${JSON.stringify({ level: 30, service: 'gateway', msg: `listening on ${gateway.url}; ${line}` })}\n`);
  const stop = async () => {
    await gateway.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

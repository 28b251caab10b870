import { InfluInvalidRequestError, type CreateWebhookParams, type WebhookEndpoint } from '@influgentic/sdk';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import type { Output } from '../output/output';
import { WebhookListener, type ReceivedWebhook } from '../webhooks/webhook-listener';
import { commaList, integer } from './parsers';

const PRIVATE_URL_HINT = 'The platform refuses webhook URLs on private or loopback addresses. To listen locally, start it with '
  + 'WEBHOOKS_ALLOW_PRIVATE=true (development only), or expose the receiver on a public https URL and pass that to your endpoint.';

/** `<time> <type> <id> [verified]`, and where it was forwarded. */
export function formatDelivery(delivery: ReceivedWebhook, out: Output): string {
  const c = out.colors;
  const time = delivery.receivedAt.toISOString().replace('T', ' ').slice(0, 19);
  const mark = delivery.verified ? c.green('[verified]') : c.red(`[unverified: ${delivery.failure}]`);
  const line = `${c.dim(time)} ${delivery.event?.type ?? '?'} ${delivery.event?.id ?? '?'} ${mark}`;
  if (!delivery.forwarded) return line;
  const f = delivery.forwarded;
  const ok = f.status !== undefined && f.status >= 200 && f.status < 300;
  return `${line}\n  ${c.dim('→')} forwarded: ${f.status !== undefined ? (ok ? c.green(String(f.status)) : c.red(String(f.status))) : c.red(f.error ?? 'failed')}`;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** `webhooks listen|test|list`. */
export function registerWebhookCommands(program: Command, ctx: CliContext): void {
  const webhooks = program.command('webhooks').description('Receive and manage webhooks');

  webhooks.command('listen')
    .description('Receive webhooks locally: a temporary endpoint, verified deliveries printed (and forwarded) until Ctrl-C')
    .option('--forward-to <url>', 're-post each verified delivery to this URL')
    .option('--port <n>', 'local port of the receiver (default: any free port)', integer, 0)
    .option('--events <list>', 'comma-separated event types (default: every event)', commaList)
    .action(async (o: { forwardTo?: string; port: number; events?: string[] }, command: Command) => {
      const client = await ctx.client(command);
      const out = ctx.out(command);
      const listener = new WebhookListener({
        port: o.port, forwardTo: o.forwardTo,
        onDelivery: (delivery) => {
          if (out.json) out.printJsonLine({ received_at: delivery.receivedAt.toISOString(), verified: delivery.verified, failure: delivery.failure, forwarded: delivery.forwarded, event: delivery.event });
          else out.line(formatDelivery(delivery, out));
        },
      });
      const url = await listener.start();
      let endpoint: WebhookEndpoint | undefined;
      try {
        const created = await client.webhooks.create({ url, events: o.events ?? ['*'], description: 'influgentic webhooks listen' } as CreateWebhookParams, { signal: ctx.signal }).catch((error: unknown) => {
          if (error instanceof InfluInvalidRequestError && error.errors.some((e) => e.field === 'url')) out.info(out.colors.yellow(PRIVATE_URL_HINT));
          throw error;
        });
        endpoint = created;
        // A fresh Idempotency-Key per run: the answer is never a replay, so the secret is always in it.
        if (!created.secret) throw new Error(`Endpoint ${created.id} came back without its signing secret`);
        listener.useSecret(created.secret);
        if (out.json) out.printJsonLine({ ready: true, endpoint_id: created.id, url, secret: created.secret, events: created.events });
        out.info(`${out.colors.green('Ready!')} Endpoint ${created.id} receives ${created.events.join(', ')} at ${url}${o.forwardTo ? `, forwarding to ${o.forwardTo}` : ''}`);
        out.info(`Your webhook signing secret is ${out.colors.bold(created.secret)} (^C to quit)`);
        await waitForAbort(ctx.signal);
      } finally {
        if (endpoint) {
          // The run's signal has fired by now: the clean-up is a request of its own.
          await client.webhooks.delete(endpoint.id, { maxRetries: 1 }).then(
            () => out.info(out.colors.dim(`Deleted endpoint ${endpoint?.id}`)),
            (error: Error) => out.info(out.colors.yellow(`Could not delete endpoint ${endpoint?.id}: ${error.message}`)),
          );
        }
        await listener.close();
      }
    });

  webhooks.command('test')
    .description('Send a webhook.test event to an endpoint (the Stripe CLI habit: trigger)')
    .argument('<endpoint_id>')
    .action(async (id: string, _o: object, command: Command) => {
      const client = await ctx.client(command);
      const delivery = await client.webhooks.test(id, { signal: ctx.signal });
      ctx.out(command).done(delivery, `Sent ${delivery.event_type} to ${id} (delivery ${delivery.id}, ${delivery.status})`);
    });

  webhooks.command('list')
    .description('List webhook endpoints')
    .option('--limit <n>', 'items per page (max 100)', integer, 20)
    .action(async (o: { limit: number }, command: Command) => {
      const client = await ctx.client(command);
      const page = await client.webhooks.list({ limit: o.limit }, { signal: ctx.signal });
      ctx.out(command).list({ data: page.data, meta: page.meta }, page.data, [
        { header: 'ID', value: (w: WebhookEndpoint) => w.id }, { header: 'URL', value: (w: WebhookEndpoint) => w.url },
        { header: 'EVENTS', value: (w: WebhookEndpoint) => w.events }, { header: 'STATUS', value: (w: WebhookEndpoint) => w.status },
      ], 'No webhook endpoints.');
    });
}

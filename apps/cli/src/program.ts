import { Command, Option } from 'commander';
import { registerAgentCommands } from './commands/agents.commands';
import { registerAnalyticsCommands } from './commands/analytics.commands';
import { registerAuthCommands } from './commands/auth.commands';
import { registerCampaignCommands } from './commands/campaigns.commands';
import { registerContentCommands } from './commands/content.commands';
import { registerKeyCommands } from './commands/keys.commands';
import { integer } from './commands/parsers';
import { registerWebhookCommands } from './commands/webhooks.commands';
import type { CliContext } from './context';

export const CLI_VERSION = '0.1.0';

/** The whole command tree. Parser errors throw (exitOverride) instead of exiting, so the caller picks the exit code. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('influgentic')
    .description('The Influgentic API from a terminal: agents, campaigns, content, analytics, webhooks and keys')
    .version(CLI_VERSION)
    .addOption(new Option('--api-key <key>', 'API key (default: INFLUGENTIC_API_KEY, else the one stored by login)'))
    .addOption(new Option('--base-url <url>', 'the gateway (default: INFLUGENTIC_BASE_URL, else the stored one, else http://localhost:3000)'))
    .option('--json', 'print the API\'s JSON instead of tables (problems as JSON on stderr)')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', integer)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
    });
  registerAuthCommands(program, ctx);
  registerAgentCommands(program, ctx);
  registerCampaignCommands(program, ctx);
  registerContentCommands(program, ctx);
  registerAnalyticsCommands(program, ctx);
  registerWebhookCommands(program, ctx);
  registerKeyCommands(program, ctx);
  return program;
}

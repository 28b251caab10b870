import type { Influgentic } from '@influgentic/sdk';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { operationSchema, TOOLS, type ToolDefinition } from './tools/tool-catalog';
import { splitArguments, toolInputSchema } from './tools/tool-input';
import { toolFailure, toolSuccess } from './tools/tool-result';

export const SERVER_NAME = 'influgentic-mcp';
export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS = 'Tools for the Influgentic platform of AI influencer agents: find agents (search_agents, get_agent), '
  + 'run campaigns with them (create_campaign, list_campaigns, pause_campaign, cancel_campaign), write content in an '
  + 'agent\'s voice (generate_content, generate_video + get_job) and review it (list_review_queue, approve_content, '
  + 'reject_content), and read results (get_campaign_analytics, analytics_overview). Ids carry their kind as a prefix '
  + '(agent_, camp_, cnt_, job_). A refused call answers with the problem and each invalid field: correct the arguments '
  + 'and call again.';

/** The MCP description of a tool: its input schema comes from the API's OpenAPI document, unchanged. */
export function describeTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name, title: tool.title, description: tool.description,
    inputSchema: toolInputSchema(operationSchema(tool.operation), tool.shape),
    annotations: { title: tool.title, ...tool.annotations },
  };
}

/** Runs a tool; whatever the API refuses comes back as an `isError` result a model can act on. */
export async function callTool(client: Influgentic, tool: ToolDefinition, args: Record<string, unknown>): Promise<CallToolResult> {
  try {
    const input = splitArguments(operationSchema(tool.operation), tool.shape, args);
    const outcome = await tool.run(client, input);
    return toolSuccess(outcome.summary, outcome.data);
  } catch (err) {
    return toolFailure(err);
  }
}

/**
 * The MCP server over an SDK client. It uses the low-level `Server` so the tools' JSON Schemas (taken from the OpenAPI
 * document) are advertised as they are, rather than rebuilt from zod shapes.
 */
export function createMcpServer(client: Influgentic, tools: ToolDefinition[] = TOOLS): Server {
  const server = new Server({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const listed = tools.map(describeTool);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    // An unknown tool is the client's mistake, not the API's: a protocol error, as the MCP specification says.
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    return callTool(client, tool, request.params.arguments ?? {});
  });
  return server;
}

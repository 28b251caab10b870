import 'reflect-metadata';
import { buildOpenApi } from '../../apps/gateway/src/openapi/openapi';
import { documentedRoutes } from '../../apps/gateway/src/routes/api-routes';

/** Where the SDK's generated types live, relative to the repository root. */
export const GENERATED_TYPES_PATH = 'libs/sdk/src/generated/openapi.ts';
export const REGENERATE_COMMAND = 'npm run sdk:generate';

const HEADER = `// Generated from the gateway's OpenAPI document by \`${REGENERATE_COMMAND}\` (tools/sdk/). Do not edit by hand:
// a test fails when this file and the document differ.
`;

/** The gateway's OpenAPI document, built from its route table without starting anything. */
export function gatewayOpenApiDocument(): Record<string, unknown> {
  return buildOpenApi(documentedRoutes(), 'http://localhost:3000');
}

/** The TypeScript types of the document, exactly as the committed file holds them. */
export async function renderSdkTypes(document: Record<string, unknown> = gatewayOpenApiDocument()): Promise<string> {
  // Loaded when used: openapi-typescript needs Node's require() of ES modules, which jest's module runtime lacks.
  const { default: openapiTS, astToString } = require('openapi-typescript') as typeof import('openapi-typescript');
  // Sorted keys keep the diff of a new route to the lines it adds.
  const ast = await openapiTS(document as never, { alphabetize: true, emptyObjectsUnknown: true, silent: true });
  return `${HEADER}\n${astToString(ast)}`;
}

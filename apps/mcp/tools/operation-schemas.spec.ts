import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOperationSchemas, gatewayOpenApiDocument, REGENERATE_COMMAND, renderOperationSchemas, SNAPSHOT_PATH } from './operation-schemas';
import { TOOL_OPERATIONS } from '../src/tools/operations';

const ROOT = path.resolve(__dirname, '../../..');

describe('the MCP tools\' operation schemas', () => {
  const document = gatewayOpenApiDocument();

  it(`match the gateway's OpenAPI document (else run \`${REGENERATE_COMMAND}\`)`, () => {
    const committed = readFileSync(path.join(ROOT, SNAPSHOT_PATH), 'utf8');
    if (committed !== renderOperationSchemas(buildOperationSchemas(document))) {
      throw new Error(`${SNAPSHOT_PATH} differs from the gateway's OpenAPI document: run \`${REGENERATE_COMMAND}\` and commit the result`);
    }
    expect(JSON.parse(committed).operations['POST /v1/campaigns'].body.required).toEqual(expect.arrayContaining(['agent_id', 'type', 'name']));
  });

  it('inline every reference, so each schema stands on its own', () => {
    const text = renderOperationSchemas(buildOperationSchemas(document));
    expect(text).not.toContain('$ref');
    expect(text).not.toContain('"x-');
    // A nested body class arrives as its own properties.
    const snapshot = JSON.parse(text);
    expect(snapshot.operations['POST /v1/agents/{agent_id}/content'].body.properties.product.properties.name).toBeDefined();
  });

  it('take path parameters as required and keep the document\'s query constraints', () => {
    const { operations } = buildOperationSchemas(document);
    expect(operations['GET /v1/agents/{id}'].path.required).toEqual(['id']);
    expect(operations['GET /v1/agents'].query.properties.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(operations['GET /v1/agents'].body).toBeNull();
    expect(Object.keys(operations).sort()).toEqual([...TOOL_OPERATIONS].sort());
  });

  it('name an operation the document lacks', () => {
    const without = { ...document, paths: { ...document.paths, '/v1/jobs/{id}': {} } };
    expect(() => buildOperationSchemas(without)).toThrow('GET /v1/jobs/{id}');
  });
});

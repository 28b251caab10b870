import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderOperationSchemas, SNAPSHOT_PATH } from './operation-schemas';

// Rewrites the MCP tools' input schemas from the gateway's current OpenAPI document.
const text = renderOperationSchemas();
writeFileSync(path.resolve(__dirname, '../../..', SNAPSHOT_PATH), text);
console.log(`wrote ${SNAPSHOT_PATH} (${text.split('\n').length} lines)`);

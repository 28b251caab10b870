import { ApiKeyIdParams, CreateApiKeyBody, ListQuery, type ApiKeysService } from '../auth/api-keys.service';
import { commandAs, type RouteDef } from './route';

export function keyRoutes(keys: ApiKeysService): RouteDef[] {
  return [
    { method: 'POST', path: '/v1/api-keys', tag: 'gateway', summary: 'Create an API key (token shown once)', auth: 'key', scope: 'keys:admin', rateClass: 'write', status: 201, body: CreateApiKeyBody, local: (c) => keys.create(c.principal!, commandAs<CreateApiKeyBody>(c)) },
    { method: 'GET', path: '/v1/api-keys', tag: 'gateway', summary: 'List API keys (without tokens)', auth: 'key', scope: 'keys:admin', rateClass: 'read', status: 200, query: ListQuery, local: (c) => keys.list(c.principal!, commandAs<ListQuery>(c)) },
    { method: 'GET', path: '/v1/api-keys/:id', tag: 'gateway', summary: 'Get an API key (without its token)', auth: 'key', scope: 'keys:admin', rateClass: 'read', status: 200, params: ApiKeyIdParams, local: (c) => keys.get(c.principal!, commandAs<ApiKeyIdParams>(c).id) },
    { method: 'DELETE', path: '/v1/api-keys/:id', tag: 'gateway', summary: 'Revoke an API key at once', auth: 'key', scope: 'keys:admin', rateClass: 'write', status: 200, params: ApiKeyIdParams, local: (c) => keys.revoke(c.principal!, commandAs<ApiKeyIdParams>(c).id) },
  ];
}

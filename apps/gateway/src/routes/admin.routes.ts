import {
  CreateOrganizationBody, OrganizationIdParams, OrganizationListQuery, UpdateOrganizationBody, type OrganizationsService,
} from '../admin/organizations.service';
import type { UpdateCommand } from '@influgentic/contracts';
import { commandAs, type RouteDef } from './route';

export function adminRoutes(orgs: OrganizationsService): RouteDef[] {
  return [
    { method: 'POST', path: '/admin/v1/organizations', tag: 'admin', summary: 'Create an organization and its first key', auth: 'admin', status: 201, body: CreateOrganizationBody, local: (c) => orgs.create(commandAs<CreateOrganizationBody>(c)) },
    { method: 'GET', path: '/admin/v1/organizations', tag: 'admin', summary: 'List organizations', auth: 'admin', status: 200, query: OrganizationListQuery, local: (c) => orgs.list(commandAs<OrganizationListQuery>(c)) },
    { method: 'GET', path: '/admin/v1/organizations/:id', tag: 'admin', summary: 'Get an organization', auth: 'admin', status: 200, params: OrganizationIdParams, local: (c) => orgs.get(commandAs<OrganizationIdParams>(c).id) },
    { method: 'PATCH', path: '/admin/v1/organizations/:id', tag: 'admin', summary: 'Rename an organization, change its plan or override its rate limits', auth: 'admin', status: 200, params: OrganizationIdParams, body: UpdateOrganizationBody, local: (c) => orgs.update(commandAs<UpdateCommand<OrganizationIdParams, UpdateOrganizationBody>>(c)) },
  ];
}

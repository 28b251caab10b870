import type { ApiCore } from '../core/api-core';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { CreateOrganizationParams, ListOrganizationsParams, Organization, OrganizationCreated, UpdateOrganizationParams } from '../types';

/** The operator API's organizations: use a client whose `apiKey` is the installation's operator token. */
export class OrganizationsResource {
  constructor(private readonly core: ApiCore) {}

  /** A new organization and its first live key (the token is shown this once). */
  create(params: CreateOrganizationParams, options?: RequestOptions): Promise<WithResponse<OrganizationCreated>> {
    return this.core.unwrap(this.core.api.POST('/admin/v1/organizations', { body: params, ...this.core.init(options) }));
  }

  list(params: ListOrganizationsParams = {}, options?: RequestOptions): PagePromise<Organization> {
    return this.core.list((cursor) => this.core.api.GET('/admin/v1/organizations', { params: { query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<Organization>> {
    return this.core.unwrap(this.core.api.GET('/admin/v1/organizations/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  update(id: string, params: UpdateOrganizationParams, options?: RequestOptions): Promise<WithResponse<Organization>> {
    return this.core.unwrap(this.core.api.PATCH('/admin/v1/organizations/{id}', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }
}

/** `/admin/v1`: for whoever runs the installation. */
export class AdminResource {
  readonly organizations: OrganizationsResource;

  constructor(core: ApiCore) {
    this.organizations = new OrganizationsResource(core);
  }
}

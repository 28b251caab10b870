import { routeTemplate } from './route-spans';

describe('routeTemplate', () => {
  it('writes path parameters the way OpenAPI does', () => {
    expect(routeTemplate('/v1/agents/:id')).toBe('/v1/agents/{id}');
    expect(routeTemplate('/v1/campaigns/:campaign_id/content/:id')).toBe('/v1/campaigns/{campaign_id}/content/{id}');
  });

  it('drops a parameter\'s pattern and leaves static paths alone', () => {
    expect(routeTemplate('/v1/files/:name(^\\d+)')).toBe('/v1/files/{name}');
    expect(routeTemplate('/v1/agents')).toBe('/v1/agents');
  });
});

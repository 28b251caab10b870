import { DomainError } from '@influgentic/contracts';
import type { ContentRepository } from '../items/content.repository';
import { PublishingService } from './publishing.service';

describe('PublishingService.page (tenant-free)', () => {
  it('answers 404 to a request without an id, before any lookup', async () => {
    const lookups: unknown[] = [];
    const items = { findPublished: async (id: unknown) => { lookups.push(id); return null; } } as unknown as ContentRepository;
    const service = new PublishingService(items, null as never, null as never, null as never, null as never);
    for (const id of [undefined, '', 42]) {
      await expect(service.page(id as unknown as string)).rejects.toMatchObject({ code: 'not_found' } satisfies Partial<DomainError>);
    }
    expect(lookups).toEqual([]);
    await expect(service.page('cnt_1')).rejects.toMatchObject({ code: 'not_found' });
    expect(lookups).toEqual(['cnt_1']);
  });
});

import type { ContentFormat, Platform } from '@influgentic/contracts';

/** What a publisher gets: the post as it goes out. */
export interface PublishRequest {
  content_id: string;
  organization_id: string;
  livemode: boolean;
  agent_id: string;
  platform: Platform | null;
  format: ContentFormat;
  title: string | null;
  caption: string;
  body: string;
  hashtags: string[];
}

/** Where the post lives once it is out. */
export interface PublishedRef { post_id: string; post_url: string | null }

/** The platform said no for good (policy, account, content): retrying the same post will not help. */
export class PublishRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublishRefused';
  }
}

/**
 * The publisher port. Real platform connectors implement it; any error other than `PublishRefused` is taken as
 * transient (the scheduler tries again with backoff). `publish` may be called again for a post whose outcome was
 * not recorded (a replica died in between), so connectors should make it idempotent by `content_id`.
 */
export interface Publisher {
  readonly name: string;
  publish(post: PublishRequest): Promise<PublishedRef>;
  unpublish(post: PublishRequest, ref: PublishedRef): Promise<void>;
}

export const PUBLISHER = Symbol('PUBLISHER');

/**
 * The default adapter: records the publication locally. The post's page is served by the gateway under
 * `PUBLIC_BASE_URL` (a relative `/published/{id}` without it).
 */
export class LocalPublisher implements Publisher {
  readonly name = 'local';
  constructor(private readonly baseUrl = '') {}

  async publish(post: PublishRequest): Promise<PublishedRef> {
    return { post_id: `post_${post.content_id.replace(/^cnt_/, '')}`, post_url: `${this.baseUrl.replace(/\/+$/, '')}/published/${post.content_id}` };
  }

  async unpublish(): Promise<void> {
    // Nothing left anywhere: the page answers 404 once the item is no longer published.
  }
}

/** A platform that refuses every post (CONTENT_PUBLISHER=refuse): exercises `publish_failed`, retry and unpublish. */
export class RefusingPublisher implements Publisher {
  readonly name = 'refuse';
  async publish(): Promise<PublishedRef> {
    throw new PublishRefused('the platform refused the post');
  }

  async unpublish(): Promise<void> {}
}

/** The adapter `CONTENT_PUBLISHER` names (default `local`); an unknown name stops the service at start. */
export function publisherFromEnv(env: NodeJS.ProcessEnv = process.env): Publisher {
  const name = env.CONTENT_PUBLISHER ?? 'local';
  switch (name) {
    case 'local': return new LocalPublisher(env.PUBLIC_BASE_URL ?? '');
    case 'refuse': return new RefusingPublisher();
    default: throw new Error(`CONTENT_PUBLISHER=${name} is not a publisher; use local or refuse`);
  }
}

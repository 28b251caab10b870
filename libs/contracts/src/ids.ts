import { ulid } from 'ulid';

export const ID_PREFIXES = {
  organization: 'org', agent: 'agent', campaign: 'camp', content: 'cnt', job: 'job', webhook: 'wh',
  delivery: 'whd', event: 'evt', key: 'key', session: 'sess', request: 'req',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/** Prefixed, lexicographically sortable id (ULID after the prefix). */
export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${ulid().toLowerCase()}`;
}

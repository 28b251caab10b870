import { IsOptional, IsString, Matches, MaxLength, type ValidationArguments } from 'class-validator';
import { PUBLIC_EVENT_TYPES } from './events';

/** Positions in the live event stream are decimal numbers (opaque to clients: send back what `id:` said). */
export const EVENT_STREAM_POSITION = /^\d{1,16}$/;

const TYPE_ALTERNATIVES = PUBLIC_EVENT_TYPES.map((t) => t.replace(/\./g, '\\.')).join('|');
/** `types=a,b`: one or more known event types, comma-separated. */
export const EVENT_TYPE_LIST = new RegExp(`^(${TYPE_ALTERNATIVES})(,(${TYPE_ALTERNATIVES}))*$`);

/** The types in a `types` value that name no event, for a message that says which. */
export function unknownEventTypes(list: string): string[] {
  const known = new Set<string>(PUBLIC_EVENT_TYPES);
  return list.split(',').filter((t) => !known.has(t));
}

/** Comma-separated `types` → the set of wanted types (null: every type). */
export function parseEventTypeList(list: string | undefined): Set<string> | null {
  return list ? new Set(list.split(',')) : null;
}

/** `GET /v1/events/stream`: the organization's events, live, resumable. */
export class EventStreamQuery {
  @IsOptional() @IsString() @MaxLength(1000)
  @Matches(EVENT_TYPE_LIST, {
    message: (a: ValidationArguments) => {
      // Only names shaped like event types are repeated back; anything else is not echoed.
      const unknown = typeof a.value === 'string' ? unknownEventTypes(a.value).filter((t) => /^[a-z_]{1,40}(\.[a-z_]{1,40}){1,3}$/.test(t)) : [];
      return `${a.property} must be a comma-separated list of event types${unknown.length ? `; unknown: ${unknown.slice(0, 5).join(', ')}` : ''}`;
    },
  })
  types?: string;

  /** For clients that cannot set the `Last-Event-ID` header (the header wins when both are sent). */
  @IsOptional() @IsString() @Matches(EVENT_STREAM_POSITION, { message: '$property must be an id the stream sent (digits)' })
  last_event_id?: string;
}

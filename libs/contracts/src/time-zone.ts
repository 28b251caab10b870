import { IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

/** IANA zone names (`Europe/Berlin`, `America/Argentina/Salta`, `UTC`); offsets like `+05:00` read differently across tools. */
export const TIME_ZONE_NAME = /^(?:UTC|[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** Longest zone name accepted (the longest IANA names are about 30 characters). */
export const MAX_TIME_ZONE_LENGTH = 64;

/** Whether `value` is an IANA zone name this runtime knows: written as one, and accepted by Intl. */
export function isTimeZoneName(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_TIME_ZONE_LENGTH || !TIME_ZONE_NAME.test(value)) return false;
  try {
    // Throws a RangeError for a zone the runtime's time zone database does not have.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * A property holding an IANA time zone name (`Asia/Tokyo`): a string of the zone name's shape that Intl accepts.
 * Refusals name the property, as every validation error does.
 */
export function IsTimeZoneName(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsString()(target, key);
    MaxLength(MAX_TIME_ZONE_LENGTH)(target, key);
    Matches(TIME_ZONE_NAME, { message: '$property must be an IANA time zone name such as Europe/Berlin (not an offset)' })(target, key);
    ValidateBy({
      name: 'timeZone',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !TIME_ZONE_NAME.test(value) || isTimeZoneName(value),
        defaultMessage: () => '$property must be a time zone this server knows: an IANA name such as Europe/Berlin or Asia/Tokyo',
      },
    })(target, key);
  };
}

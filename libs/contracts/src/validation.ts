import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError, type FieldError } from './errors';

const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
  isEnum: 'enum',
  isIn: 'enum',
  isInt: 'type',
  isNumber: 'type',
  isString: 'type',
  isBoolean: 'type',
  isArray: 'type',
  isObject: 'type',
  nestedValidation: 'type',
  isDateString: 'format',
  isIso8601: 'format',
  isUrl: 'format',
  isUUID: 'format',
  matches: 'format',
  min: 'min',
  max: 'max',
  minLength: 'min_length',
  maxLength: 'max_length',
  arrayMinSize: 'min_items',
  arrayMaxSize: 'max_items',
  arrayUnique: 'unique',
};

function flatten(errors: ValidationError[], parent: string, out: FieldError[]): void {
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    // A missing field reports every constraint; the single "required" is the useful one.
    if (names.length && (error.value === undefined || error.value === null) && !names.includes('whitelistValidation')) {
      out.push({ field, code: 'required', message: 'is required' });
      continue;
    }
    // The most basic problem first: a string where a number belongs says more than "must not be greater than 10".
    const rank = (n: string) => (n === 'whitelistValidation' ? 0 : CONSTRAINT_CODES[n] === 'type' ? 1 : CONSTRAINT_CODES[n] === 'enum' ? 2 : 3);
    const primary = [...names].sort((a, b) => rank(a) - rank(b)).slice(0, 1);
    for (const name of primary) {
      const message = name === 'whitelistValidation' ? 'is not a known field' : constraints[name].replace(/^\S+\s/, '');
      out.push({ field, code: CONSTRAINT_CODES[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), message });
    }
    if (error.children?.length) flatten(error.children, field, out);
  }
}

/** Field errors for `plain` against `cls` (unknown fields rejected, nested objects checked). */
export function fieldErrors<T extends object>(cls: ClassConstructor<T>, plain: unknown, prefix = ''): { value: T; errors: FieldError[] } {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { value: undefined as unknown as T, errors: [{ field: prefix || 'body', code: 'type', message: 'must be a JSON object' }] };
  }
  const value = plainToInstance(cls, plain, { exposeDefaultValues: true });
  const errors: FieldError[] = [];
  findNulCharacters(plain, prefix, errors);
  flatten(validateSync(value as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }), prefix, errors);
  return { value, errors };
}

/** Postgres text cannot hold NUL; refuse it at the edge instead of failing deep inside a query. */
function findNulCharacters(value: unknown, path: string, out: FieldError[], depth = 0): void {
  if (depth > 32 || out.length > 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path || 'body', code: 'invalid_characters', message: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNulCharacters(v, `${path}[${i}]`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findNulCharacters(v, path ? `${path}.${k}` : k, out, depth + 1);
  }
}

/** Validates and converts, or throws a 422 DomainError naming every bad field. */
export function validateOrThrow<T extends object>(cls: ClassConstructor<T>, plain: unknown, prefix = ''): T {
  const { value, errors } = fieldErrors(cls, plain ?? {}, prefix);
  if (errors.length) throw DomainError.validation(errors);
  return value;
}

/** Query strings arrive as text: turn an integer-looking value into a number so @IsInt can judge it. */
export const IntFromQuery = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));

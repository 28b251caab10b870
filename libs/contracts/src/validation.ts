import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import { IsString, MaxLength, ValidateBy, validateSync, type ValidationError, type ValidationOptions } from 'class-validator';
import { DomainError, MAX_FIELD_ERRORS, type FieldError } from './errors';

/** JSON nested deeper than this is refused before anything walks it recursively (class-transformer would overflow). */
export const MAX_JSON_DEPTH = 64;
/** Longest path id worth looking up; longer ones cannot name anything. */
export const MAX_PATH_ID_LENGTH = 255;

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
  isMoney: 'precision',
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
  // Checked first and without recursion: a value nested thousands deep must never reach class-transformer.
  const unsafe = unsafeValueErrors(plain, prefix);
  if (unsafe.some((e) => e.code === 'too_deep')) return { value: undefined as unknown as T, errors: unsafe };
  const value = plainToInstance(cls, plain, { exposeDefaultValues: true });
  const errors: FieldError[] = [...unsafe];
  flatten(validateSync(value as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }), prefix, errors);
  return { value, errors: errors.slice(0, MAX_FIELD_ERRORS) };
}

/** A UTF-16 surrogate without its partner: no UTF-8 encoding exists for it, so Postgres refuses it deep inside a query. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as Postgres text or jsonb, or null when it can. */
export function unstorableText(s: string): { code: string; message: string } | null {
  if (s.includes('\u0000')) return { code: 'invalid_characters', message: 'must not contain NUL characters' };
  if (LONE_SURROGATE.test(s)) return { code: 'invalid_characters', message: 'must not contain unpaired UTF-16 surrogates' };
  return null;
}

/**
 * One iterative pass over a parsed value (strings, keys, nesting): nesting deeper than MAX_JSON_DEPTH, NUL characters
 * and lone surrogates. Iterative on purpose: the input decides how deep it goes.
 */
export function unsafeValueErrors(root: unknown, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: prefix, depth: 0 }];
  while (stack.length && out.length < MAX_FIELD_ERRORS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = unstorableText(value);
      if (bad) out.push({ field: path || 'body', ...bad });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      return [{ field: prefix || 'body', code: 'too_deep', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }];
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i];
      // A bad key is reported on its parent: echoing it would only repeat the bad characters.
      if (unstorableText(k)) {
        out.push({ field: path || 'body', code: 'invalid_characters', message: 'has a field name with NUL characters or unpaired surrogates' });
        continue;
      }
      stack.push({ value: v, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
  return out;
}

/** Validates and converts, or throws a 422 DomainError naming every bad field. */
export function validateOrThrow<T extends object>(cls: ClassConstructor<T>, plain: unknown, prefix = ''): T {
  const { value, errors } = fieldErrors(cls, plain ?? {}, prefix);
  if (errors.length) throw DomainError.validation(errors);
  return value;
}

/**
 * Query strings arrive as text: turn an integer-looking value into a number so @IsInt can judge it. Digits beyond
 * 2^53 stay text (and fail @IsInt): as a number they would silently round to a different value.
 */
export const IntFromQuery = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value));

/**
 * Money in dollars: a finite number with at most `places` decimals, judged by value. Use it instead of IsNumber's
 * `maxDecimalPlaces`, which reads the printed form and throws a TypeError on 1e-7 or 5e-324 (no decimal point).
 */
export function IsMoney(places = 2, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isMoney',
    constraints: [places],
    validator: {
      validate: (v: unknown) => typeof v !== 'number' || (Number.isFinite(v) && Number(v.toFixed(places)) === v),
      defaultMessage: () => `must have at most ${places} decimal places`,
    },
  }, options);
}

/**
 * A path id: any string up to MAX_PATH_ID_LENGTH characters. Its shape is never judged (clients copy ids around;
 * one that names nothing is a 404, whatever its case or form).
 */
export function IsPathId(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsString()(target, key);
    MaxLength(MAX_PATH_ID_LENGTH)(target, key);
  };
}

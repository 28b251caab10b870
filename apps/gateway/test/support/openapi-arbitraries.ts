import fc from 'fast-check';

/** Anything in a JSON Schema / OpenAPI document. */
export type Json = Record<string, any>;

/** Follows local `$ref`s (`#/components/…`) inside `doc`. */
export function deref(doc: Json, node: Json): Json {
  let n = node;
  while (n && typeof n.$ref === 'string') n = n.$ref.split('/').slice(1).reduce((acc: Json, k: string) => acc[k], doc);
  return n;
}

/** Strings that have broken servers before: encodings, lengths, injections, look-alikes. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '\uD800', 'a\uDFFFb', '\uDBFF\uDBFF', '\u0000', 'nul\u0000inside', '', ' ', '\t\n', '\uFEFF', '\u202Eevil', '𝒜𝒷𝒸'.repeat(40),
    'x'.repeat(256), 'ß'.repeat(300), '../../etc/passwd', "' OR 1=1 --", '"; DROP TABLE agents; --', '<script>alert(1)</script>',
    '%00', '%ZZ', '\\u0000', '{"$ne":null}', '１２３', 'NaN', 'Infinity', '-0', '1e309', 'true', 'null', '😀'.repeat(100),
    ':*&|!()<->', '\r\nX-Injected: 1',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

/** Numbers at the edges of every numeric type a server might map them to. */
export const hostileNumber = fc.constantFrom(
  1e-7, 5e-324, -5e-324, 1e308, -1e308, 9223372036854775807, -9223372036854775808, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1,
  0.1 + 0.2, -0, -1, 0, 1.005, 123456789.123, 1e21,
);

/** Any JSON of the wrong type for a field. */
export const wrongType = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }, 0, '0'),
  hostileNumber,
  fc.jsonValue({ maxDepth: 2 }),
);

/** A value nested `depth` levels deep, as JSON text. */
export function nestedJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function regexArbitrary(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern, 'u'));
  } catch {
    return fc.string({ maxLength: 20 });
  }
}

/** Values that satisfy `schema` as far as JSON Schema can say (custom rules such as a real calendar date aside). */
export function validValue(doc: Json, raw: Json, depth = 0): fc.Arbitrary<unknown> {
  const schema = deref(doc, raw);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.anyOf)) return fc.oneof(...schema.anyOf.map((s: Json) => validValue(doc, s, depth)));
  if (Array.isArray(schema.allOf)) return validValue(doc, schema.allOf[0], depth);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((t: string) => validValue(doc, { ...schema, type: t }, depth)));
  switch (schema.type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? Math.max(min, 0) + 1_000_000;
      return fc.integer({ min, max });
    }
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = Math.min(schema.maximum ?? min + 1_000_000, min + 1_000_000);
      if (schema.multipleOf === 0.01) return fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((c) => c / 100);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'string': {
      const maxLength = Math.min(schema.maxLength ?? 40, 40);
      const minLength = Math.min(schema.minLength ?? 0, maxLength);
      if (schema.format === 'uri') return fc.webUrl({ validSchemes: ['https'] });
      if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.pattern) {
        return regexArbitrary(schema.pattern).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity) && (minLength === 0 || s.trim() !== ''));
      }
      return fc.string({ minLength: Math.max(minLength, 1), maxLength }).filter((s) => s.trim() !== '');
    }
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      const minLength = Math.min(schema.minItems ?? 0, maxLength);
      const items = schema.items ? validValue(doc, schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return schema.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
    }
    case 'object': {
      const props = (schema.properties ?? {}) as Json;
      if (depth > 4 || Object.keys(props).length === 0) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, p] of Object.entries(props)) model[name] = validValue(doc, p as Json, depth + 1);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k: string) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value that matches `schema` except, maybe, for one hostile change: wrong type, edge number, odd string, unknown field. */
export function mutatedValue(doc: Json, raw: Json): fc.Arbitrary<unknown> {
  const schema = deref(doc, raw);
  const valid = validValue(doc, schema);
  if (schema.type !== 'object' || !schema.properties) return fc.oneof(valid, wrongType, hostileString, hostileNumber);
  const names = Object.keys(schema.properties);
  return fc.tuple(valid, fc.constantFrom(...names, '__unknown__'), fc.oneof(wrongType, hostileString, hostileNumber, fc.constant(undefined))).map(([v, name, bad]) => {
    const out = { ...(v as Json) };
    if (name === '__unknown__') out.not_a_documented_field = bad ?? 1;
    else if (bad === undefined) delete out[name];
    else out[name] = bad;
    return out;
  });
}

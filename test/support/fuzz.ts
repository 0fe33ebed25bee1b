/**
 * Inputs for contract fuzzing, derived from each method's own zod schema:
 * mostly the right shape (so a call gets past the first check and reaches the
 * service), with every field sometimes replaced by something hostile — wrong
 * types, empty and huge strings, unicode edge cases, SQL and HTML injection,
 * prototype-pollution keys, negative, fractional, NaN and infinite numbers.
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  format?: string;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

export const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE patients; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '\u0000',
  '\u202Eevil',
  'Z\u0351\u0300\u0316\u0320a\u0352lgo',
  '😀👩‍⚕️',
  '%s%n%x',
  '=HYPERLINK("http://x")',
  'x'.repeat(70_000),
  '2026-02-30',
  '9999-99-99',
  'NaN',
  '__proto__',
];

const POLLUTERS = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
];

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    {},
    [],
  ),
  fc.constantFrom<unknown>(...HOSTILE_STRINGS),
  fc.constantFrom<unknown>(...POLLUTERS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

/** Ids of real rows, offered for fields named `id` or `…Id` so calls reach the service's own checks. */
let idPool: string[] = ['no-such-id'];

export function useIdPool(ids: string[]): void {
  idPool = ids.length > 0 ? ids : ['no-such-id'];
}

/** How often a value is replaced by a hostile one: 1 in `odds` (a gentler mix reaches the services more often). */
let odds = 5;

/** Something close to valid for this schema, with hostile values mixed in at every level. */
export function arbitraryFor(schema: z.ZodType, depth = 0, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const near = nearValid(def, depth, key);
  return depth > 4 ? hostile : fc.oneof({ weight: odds - 1, arbitrary: near }, { weight: 1, arbitrary: hostile });
}

/** Inputs for a schema with one value in `oneIn` hostile. */
export function inputsFor(schema: z.ZodType, oneIn: number): fc.Arbitrary<unknown> {
  odds = oneIn;
  try {
    return arbitraryFor(schema);
  } finally {
    odds = 5;
  }
}

function nearValid(def: Def, depth: number, key: string): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([name, value]) => [name, arbitraryFor(value, depth + 1, name)]));
      // Hostile runs leave keys out; gentle ones send them all.
      const base = odds >= 30 ? fc.record(fields) : fc.record(fields, { requiredKeys: [] });
      // Sometimes an extra key nobody declared, including the dangerous ones.
      const extraKey = fc.option(fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), { nil: undefined, freq: odds >= 30 ? 30 : 2 });
      return fc.tuple(base, extraKey, hostile).map(([value, key, extra]) => {
        if (!key) return value;
        const copy = JSON.parse(JSON.stringify(value ?? {}, (_k, v: unknown) => (v === undefined ? null : v))) as Record<string, unknown>;
        Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
        return copy;
      });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? arbitraryFor(def.innerType, depth, key) : hostile;
    case 'pipe':
      return def.in ? arbitraryFor(def.in, depth, key) : hostile;
    case 'string':
      if (key === 'id' || key.endsWith('Id')) return fc.oneof(fc.constantFrom(...idPool), fc.string({ maxLength: 12 }));
      return def.format === 'date'
        ? fc.constantFrom('2026-11-23', '1980-02-29', '2026-13-01', '2099-01-01')
        : def.format === 'datetime'
          ? fc.constantFrom('2026-11-23T10:00:00.000Z', '2026-11-23T25:00:00Z', '1970-01-01T00:00:00Z')
          : fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...HOSTILE_STRINGS));
    case 'number':
      return fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ noNaN: false }));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })), fc.string({ maxLength: 10 }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'array':
      return def.element
        ? fc.array(arbitraryFor(def.element, depth + 1, key.replace(/s$/, '')), { maxLength: depth > 1 ? 2 : 5 })
        : hostile;
    case 'union':
      return def.options && def.options.length > 0 ? fc.oneof(...def.options.map((o) => arbitraryFor(o, depth + 1))) : hostile;
    case 'record':
      return fc.dictionary(
        def.keyType ? arbitraryFor(def.keyType, depth + 1).filter((k): k is string => typeof k === 'string') : fc.string(),
        def.valueType ? arbitraryFor(def.valueType, depth + 1) : hostile,
        { maxKeys: 3 },
      );
    default:
      return hostile;
  }
}

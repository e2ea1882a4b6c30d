/**
 * Manifests are `unknown` until narrowed. These guards are the only way rules read them, so a
 * wrong type in hostile input (a string where a list belongs) reads as "absent" instead of
 * throwing.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Set);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function asRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function getRecord(parent: JsonRecord | undefined, key: string): JsonRecord | undefined {
  return parent === undefined ? undefined : asRecord(own(parent, key));
}

export function getArray(parent: JsonRecord | undefined, key: string): readonly unknown[] | undefined {
  return parent === undefined ? undefined : asArray(own(parent, key));
}

export function getString(parent: JsonRecord | undefined, key: string): string | undefined {
  const value = parent === undefined ? undefined : own(parent, key);
  return typeof value === 'string' ? value : undefined;
}

export function getBoolean(parent: JsonRecord | undefined, key: string): boolean | undefined {
  const value = parent === undefined ? undefined : own(parent, key);
  return typeof value === 'boolean' ? value : undefined;
}

export function getNumber(parent: JsonRecord | undefined, key: string): number | undefined {
  const value = parent === undefined ? undefined : own(parent, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Own properties only: a manifest key named `constructor` or `__proto__` must not reach the prototype. */
export function own(parent: JsonRecord, key: string): unknown {
  const value = parent[key];
  // Most lookups are of absent optional fields: answer those without the own-property check.
  return value === undefined || Object.hasOwn(parent, key) ? value : undefined;
}

export function hasOwn(parent: JsonRecord | undefined, key: string): boolean {
  return parent !== undefined && Object.hasOwn(parent, key);
}

/**
 * String entries of a map such as labels or annotations. Non-string values are dropped: the API
 * server rejects an object whose label is `true` or `1`, so such an entry never takes effect.
 */
export function getStringMap(parent: JsonRecord | undefined, key: string): ReadonlyMap<string, string> {
  const record = getRecord(parent, key);
  const result = new Map<string, string>();
  if (record === undefined) return result;
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'string') result.set(name, value);
  }
  return result;
}

export function stringList(value: unknown): string[] {
  const list = asArray(value);
  if (list === undefined) return [];
  return list.filter(isString);
}

import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

import type { Path } from '../load/path.js';

/** The published JSON Schema (`schema/kubeward.schema.json`) is the single source of truth. */
const SCHEMA_URL = new URL('../../schema/kubeward.schema.json', import.meta.url);

let validator: ValidateFunction | undefined;

export interface ShapeError {
  readonly path: Path;
  readonly message: string;
}

export function validateConfigShape(value: unknown): ShapeError | undefined {
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  if (validator(value)) return undefined;
  const error = pickError(validator.errors ?? []);
  if (error === undefined) return { path: [], message: 'does not match the schema' };
  return { path: pointerToPath(error.instancePath), message: describe(error) };
}

const optionValidators = new Map<Readonly<Record<string, unknown>>, ValidateFunction>();

/** Checks a rule's `options` against the schema the rule declares. */
export function validateRuleOptions(schema: Readonly<Record<string, unknown>>, value: unknown, path: Path): ShapeError | undefined {
  let validate = optionValidators.get(schema);
  if (validate === undefined) {
    validate = new Ajv({ allErrors: false, strict: true }).compile(schema);
    optionValidators.set(schema, validate);
  }
  if (validate(value)) return undefined;
  const error = pickError(validate.errors ?? []);
  if (error === undefined) return { path, message: 'options do not match the rule\'s schema' };
  const where = [...path, ...pointerToPath(error.instancePath)];
  return { path: where, message: describe({ ...error, instancePath: '/' + where.map(String).join('/') }) };
}

/** `oneOf` failures drown the real cause in alternatives; prefer the most specific error. */
function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const deepest = Math.max(...errors.map(error => error.instancePath.length));
  const candidates = errors.filter(error => error.instancePath.length === deepest);
  return candidates.find(error => error.keyword === 'oneOf') ?? candidates[0];
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'config' : error.instancePath.slice(1).replaceAll('/', '.');
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown key "${String(params.additionalProperty)}"`;
    case 'enum':
      return `${where}: must be one of ${Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : 'the listed values'}`;
    case 'oneOf':
      return `${where}: must be true/false, a severity, or a mapping with enabled, severity and options`;
    default:
      return `${where}: ${error.message ?? 'is invalid'}`;
  }
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map(segment => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map(segment => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

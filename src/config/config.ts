import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { LoadError } from '../load/errors.js';
import { describeError } from '../load/errors.js';
import { displayPath } from '../load/inputs.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import type { Path } from '../load/path.js';
import type { PositionIndex } from '../load/position-index.js';
import { ManifestSyntaxError, parseYamlDocuments } from '../load/yaml-document.js';
import type { Exemption } from '../findings/suppress.js';
import { isRecord, isString } from '../snapshot/guards.js';
import type { JsonRecord } from '../snapshot/guards.js';
import type { WorkloadKind } from '../snapshot/pod-spec.js';
import type { Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';

export interface RuleConfig {
  readonly enabled: boolean;
  readonly severity?: Severity;
  readonly options?: JsonRecord;
}

export interface KubewardConfig {
  /** Path of the file the config came from, if any. */
  readonly file?: string;
  readonly failOn?: Severity;
  readonly rules: ReadonlyMap<string, RuleConfig>;
  readonly exemptions: readonly Exemption[];
  /** Custom workload kinds with a pod template somewhere other than `spec.template`. */
  readonly workloads: readonly WorkloadKind[];
}

export const EMPTY_CONFIG: KubewardConfig = { rules: new Map(), exemptions: [], workloads: [] };

export const DEFAULT_CONFIG_FILES = ['kubeward.yaml', '.kubeward.yaml', 'kubeward.yml', '.kubeward.yml'];

export type ConfigResult = { readonly config: KubewardConfig } | { readonly error: LoadError };

/**
 * Loads `--config FILE`, or the first default-named file in `cwd`, or nothing. Every problem is
 * reported with the file and line of the offending entry; unknown rule ids are errors, because a
 * typo would otherwise silently leave a rule on.
 */
/** What the config needs to know about the rules: their ids, and the schema of any options. */
export type KnownRules = ReadonlyMap<string, Readonly<Record<string, unknown>> | undefined>;

export async function loadConfig(explicit: string | undefined, cwd: string, knownRules: KnownRules): Promise<ConfigResult> {
  const candidates = explicit === undefined ? DEFAULT_CONFIG_FILES.map(name => resolve(cwd, name)) : [resolve(cwd, explicit)];
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (explicit === undefined) continue;
      return { error: { file: displayPath(path, cwd), line: 0, message: `cannot read config: ${describeError(error)}` } };
    }
    return await parseConfig(text, displayPath(path, cwd), knownRules);
  }
  return { config: EMPTY_CONFIG };
}

export async function parseConfig(text: string, file: string, knownRules: KnownRules): Promise<ConfigResult> {
  const fail = (line: number, message: string): ConfigResult => ({ error: { file, line, message } });
  let value: unknown;
  let positions: PositionIndex | undefined;
  try {
    const [document] = parseYamlDocuments(text, 1, DEFAULT_LIMITS);
    value = document?.value ?? {};
    positions = document?.positions;
  } catch (error) {
    if (error instanceof ManifestSyntaxError) return fail(error.line, `invalid YAML in config: ${error.message}`);
    return fail(0, `invalid config: ${describeError(error)}`);
  }
  const lineOf = (path: Path): number => positions?.locate(path).line ?? 1;
  // Ajv is loaded only when there is a config file: most scans have none, and it costs startup time.
  const { validateConfigShape, validateRuleOptions } = await import('./schema.js');
  const shapeError = validateConfigShape(value);
  if (shapeError !== undefined) return fail(lineOf(shapeError.path), `invalid config: ${shapeError.message}`);
  if (!isRecord(value)) return { config: { ...EMPTY_CONFIG, file } };

  const rules = new Map<string, RuleConfig>();
  for (const [id, setting] of Object.entries(isRecord(value.rules) ? value.rules : {})) {
    if (!knownRules.has(id)) return fail(lineOf(['rules', id]), `invalid config: unknown rule "${id}" (see \`kubeward rules\`)`);
    const ruleConfig = toRuleConfig(setting);
    if (ruleConfig.options !== undefined) {
      const schema = knownRules.get(id);
      const path = ['rules', id, 'options'];
      if (schema === undefined) return fail(lineOf(path), `invalid config: rule "${id}" takes no options`);
      const optionsError = validateRuleOptions(schema, ruleConfig.options, path);
      if (optionsError !== undefined) return fail(lineOf(optionsError.path), `invalid config: ${optionsError.message}`);
    }
    rules.set(id, ruleConfig);
  }
  const exemptions: Exemption[] = [];
  const rawExemptions = Array.isArray(value.exemptions) ? value.exemptions : [];
  for (const [index, raw] of rawExemptions.entries()) {
    if (!isRecord(raw)) continue;
    const exemption = toExemption(raw);
    const unknown = exemption.rules?.find(id => !knownRules.has(id));
    if (unknown !== undefined) return fail(lineOf(['exemptions', index, 'rules']), `invalid config: unknown rule "${unknown}" in exemption`);
    exemptions.push(exemption);
  }
  const workloads: WorkloadKind[] = [];
  for (const raw of Array.isArray(value.workloads) ? value.workloads : []) {
    if (!isRecord(raw) || !isString(raw.kind) || !isString(raw.template)) continue;
    workloads.push({ kind: raw.kind, template: raw.template.split('.'), ...(isString(raw.group) ? { group: raw.group } : {}) });
  }
  const failOn = isSeverity(value.failOn) ? value.failOn : undefined;
  return { config: { file, rules, exemptions, workloads, ...(failOn === undefined ? {} : { failOn }) } };
}

function toRuleConfig(setting: unknown): RuleConfig {
  if (typeof setting === 'boolean') return { enabled: setting };
  if (isSeverity(setting)) return { enabled: true, severity: setting };
  if (!isRecord(setting)) return { enabled: true };
  const severity = isSeverity(setting.severity) ? setting.severity : undefined;
  const options = isRecord(setting.options) ? setting.options : undefined;
  return {
    enabled: setting.enabled !== false,
    ...(severity === undefined ? {} : { severity }),
    ...(options === undefined ? {} : { options }),
  };
}

function toExemption(raw: JsonRecord): Exemption {
  const list = (key: string): readonly string[] | undefined => (Array.isArray(raw[key]) ? raw[key].filter(isString) : undefined);
  const rules = list('rules');
  const namespaces = list('namespaces');
  const kinds = list('kinds');
  const names = list('names');
  return {
    reason: isString(raw.reason) ? raw.reason : 'exempted by config',
    ...(rules === undefined ? {} : { rules }),
    ...(namespaces === undefined ? {} : { namespaces }),
    ...(kinds === undefined ? {} : { kinds }),
    ...(names === undefined ? {} : { names }),
  };
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

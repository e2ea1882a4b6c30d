import type { Finding, ResourceRef, Suppression } from '../findings/finding.js';
import { fingerprint } from '../findings/fingerprint.js';
import type { Path } from '../load/path.js';
import type { SourcePosition } from '../load/position-index.js';
import { toPointer } from '../load/path.js';
import type { JsonRecord } from '../snapshot/guards.js';
import type { KubeObject } from '../snapshot/kube-object.js';
import { locate } from '../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../snapshot/snapshot.js';
import type { ReportDetails, Rule, RuleContext, Severity } from '../rules/types.js';

export interface RuleSettings {
  readonly severity?: Severity;
  readonly options?: JsonRecord;
}

export interface RuleRun {
  readonly findings: Finding[];
  /** For each rule, the objects it examined (JUnit lists the passing ones too). */
  readonly examined: ReadonlyMap<string, readonly KubeObject[]>;
}

const NO_OPTIONS: JsonRecord = Object.freeze({});

/** Runs rules over a snapshot. Pure: the same snapshot and rules give the same findings. */
export function runRules(
  snapshot: ClusterSnapshot,
  rules: readonly Rule[],
  settings: ReadonlyMap<string, RuleSettings> = new Map(),
  suppress: (object: KubeObject, ruleId: string) => Suppression | undefined = () => undefined,
  redact: (message: string) => string = message => message,
): RuleRun {
  const findings: Finding[] = [];
  const examined = new Map<string, readonly KubeObject[]>();
  const resources = new Map<KubeObject, ResourceRef>();
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    const configured = setting?.severity;
    const context: RuleContext = {
      snapshot,
      options: setting?.options ?? NO_OPTIONS,
      report(object: KubeObject, path: Path, message: string, details?: ReportDetails) {
        let resource = resources.get(object);
        if (resource === undefined) {
          resource = resourceOf(object);
          resources.set(object, resource);
        }
        const severity = configured ?? details?.severity ?? rule.severity;
        findings.push(makeFinding(rule, severity, object, resource, path, redact(message), details?.at, suppress(object, rule.id)));
      },
    };
    switch (rule.target) {
      case 'pod':
        for (const pod of snapshot.podSpecs) rule.check(pod, context);
        examined.set(rule.id, snapshot.podSpecs.map(pod => pod.object));
        break;
      case 'object': {
        const objects = rule.kinds === '*' ? snapshot.objects : rule.kinds.flatMap(kind => snapshot.ofKind(kind));
        for (const object of objects) rule.check(object, context);
        examined.set(rule.id, objects);
        break;
      }
      case 'snapshot':
        rule.check(context);
        examined.set(rule.id, rule.examines(snapshot));
        break;
    }
  }
  return { findings, examined };
}

/**
 * One finding. This runs once per finding (hundreds of thousands on a large cluster), so objects
 * are built in one literal each and the resource reference is shared by all findings of an object.
 */
function makeFinding(
  rule: Rule,
  severity: Severity,
  object: KubeObject,
  resource: ResourceRef,
  path: Path,
  message: string,
  at: SourcePosition | undefined,
  suppressed: Suppression | undefined,
): Finding {
  const pointer = toPointer(path);
  const finding: Mutable<Finding> = {
    ruleId: rule.id,
    severity,
    category: rule.category,
    title: rule.title,
    message,
    remediation: rule.remediation,
    resource,
    path: pointer,
    frameworks: rule.frameworks,
    equivalents: rule.equivalents,
    fingerprint: fingerprint(rule.id, resource, pointer),
  };
  const source = object.source;
  if (source !== undefined) {
    const position = at ?? locate(object, path);
    finding.source =
      position === undefined
        ? source.template === undefined
          ? { file: source.file, line: object.line }
          : { file: source.file, line: object.line, template: source.template }
        : source.template === undefined
          ? { file: source.file, line: position.line, column: position.column }
          : { file: source.file, line: position.line, column: position.column, template: source.template };
  }
  if (suppressed !== undefined) finding.suppressed = suppressed;
  return finding;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function resourceOf(object: KubeObject): ResourceRef {
  return object.namespace === undefined
    ? { apiVersion: object.apiVersion, kind: object.kind, name: object.name }
    : { apiVersion: object.apiVersion, kind: object.kind, namespace: object.namespace, name: object.name };
}

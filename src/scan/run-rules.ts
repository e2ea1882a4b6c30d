import type { Finding, Suppression } from '../findings/finding.js';
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
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    const configured = setting?.severity;
    const context: RuleContext = {
      snapshot,
      options: setting?.options ?? NO_OPTIONS,
      report(object: KubeObject, path: Path, message: string, details?: ReportDetails) {
        const finding = makeFinding(rule, configured ?? details?.severity ?? rule.severity, object, path, redact(message), details?.at);
        const suppressed = suppress(object, rule.id);
        findings.push(suppressed === undefined ? finding : { ...finding, suppressed });
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

function makeFinding(rule: Rule, severity: Severity, object: KubeObject, path: Path, message: string, at: SourcePosition | undefined): Finding {
  const resource = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    ...(object.namespace === undefined ? {} : { namespace: object.namespace }),
    name: object.name,
  };
  const pointer = toPointer(path);
  const position = at ?? locate(object, path);
  const source =
    object.source === undefined
      ? undefined
      : {
          file: object.source.file,
          line: position?.line ?? object.line,
          ...(position === undefined ? {} : { column: position.column }),
          ...(object.source.template === undefined ? {} : { template: object.source.template }),
        };
  return {
    ruleId: rule.id,
    severity,
    category: rule.category,
    title: rule.title,
    message,
    remediation: rule.remediation,
    resource,
    ...(source === undefined ? {} : { source }),
    path: pointer,
    frameworks: rule.frameworks,
    equivalents: rule.equivalents,
    fingerprint: fingerprint(rule.id, resource, pointer),
  };
}

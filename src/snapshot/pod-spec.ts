import type { Path } from '../load/path.js';
import type { JsonRecord } from './guards.js';
import { asArray, getRecord, getString, getStringMap, hasOwn, isRecord, own } from './guards.js';
import { apiGroupOf } from './kinds.js';
import type { KubeObject } from './kube-object.js';

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerView {
  readonly type: ContainerType;
  readonly name: string;
  /** Path of the container inside its object, e.g. `['spec','template','spec','containers',0]`. */
  readonly path: Path;
  readonly body: JsonRecord;
  readonly securityContext: JsonRecord | undefined;
}

/** One pod specification, wherever it sits: a Pod, a workload's template, a CronJob's job template. */
export interface PodSpecView {
  readonly object: KubeObject;
  /** Effective namespace of the pods this spec creates. */
  readonly namespace: string;
  readonly specPath: Path;
  readonly metadataPath: Path;
  readonly spec: JsonRecord;
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  readonly securityContext: JsonRecord | undefined;
  /** Regular, init and ephemeral containers, in that order. */
  readonly containers: readonly ContainerView[];
  /** `spec.os.name: windows`: Linux-only controls (seccomp, capabilities, ...) do not apply. */
  readonly isWindows: boolean;
}

/** A field whose type the API server would reject; reported as an input error. */
export interface ShapeProblem {
  readonly object: KubeObject;
  readonly path: Path;
  readonly message: string;
}

const TEMPLATE_PATHS: ReadonlyMap<string, { readonly spec: Path; readonly metadata: Path }> = new Map([
  ['Pod', { spec: ['spec'], metadata: ['metadata'] }],
  ['Deployment', { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }],
  ['ReplicaSet', { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }],
  ['StatefulSet', { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }],
  ['DaemonSet', { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }],
  ['Job', { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }],
  ['ReplicationController', { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }],
  ['CronJob', { spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'] }],
  ['PodTemplate', { spec: ['template', 'spec'], metadata: ['template', 'metadata'] }],
]);

export const POD_BEARING_KINDS: readonly string[] = [...TEMPLATE_PATHS.keys()];

const CONTAINER_LISTS: readonly (readonly [string, ContainerType])[] = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

/**
 * The pod spec of an object, if it has one. Custom resources that embed a standard pod template
 * at `spec.template.spec` (Argo Rollouts, many operators) count too: their pods are just as real.
 */
export function extractPodSpec(
  object: KubeObject,
  namespace: string,
  problems: ShapeProblem[],
  workloads: readonly WorkloadKind[] = [],
): PodSpecView | undefined {
  const paths = configuredTemplatePaths(object, workloads) ?? TEMPLATE_PATHS.get(object.kind) ?? customTemplatePaths(object);
  if (paths === undefined) return undefined;
  const specValue = valueAt(object.body, paths.spec);
  if (specValue === undefined || specValue === null) return undefined;
  if (!isRecord(specValue)) {
    problems.push({ object, path: paths.spec, message: 'pod spec must be a mapping' });
    return undefined;
  }
  const metadata = asRecordAt(object.body, paths.metadata);
  const containers: ContainerView[] = [];
  for (const [field, type] of CONTAINER_LISTS) {
    const listPath = [...paths.spec, field];
    const raw = own(specValue, field);
    if (raw === undefined || raw === null) {
      if (type === 'container') problems.push({ object, path: listPath, message: 'pod spec has no containers' });
      continue;
    }
    const list = asArray(raw);
    if (list === undefined) {
      problems.push({ object, path: listPath, message: `${field} must be a list` });
      continue;
    }
    for (const [index, entry] of list.entries()) {
      const path = [...listPath, index];
      if (!isRecord(entry)) {
        problems.push({ object, path, message: `${field}[${String(index)}] must be a mapping` });
        continue;
      }
      containers.push({
        type,
        name: getString(entry, 'name') ?? `#${String(index)}`,
        path,
        body: entry,
        securityContext: checkedRecord(entry, 'securityContext', object, path, problems),
      });
    }
  }
  return {
    object,
    namespace,
    specPath: paths.spec,
    metadataPath: paths.metadata,
    spec: specValue,
    labels: getStringMap(metadata, 'labels'),
    annotations: getStringMap(metadata, 'annotations'),
    securityContext: checkedRecord(specValue, 'securityContext', object, paths.spec, problems),
    containers,
    isWindows: getString(getRecord(specValue, 'os'), 'name') === 'windows',
  };
}

/**
 * A custom workload kind whose pods come from a pod template at `template` (a
 * `PodTemplateSpec`: `metadata` and `spec`), declared in `kubeward.yaml` for kinds that do not
 * use the common `spec.template` layout.
 */
export interface WorkloadKind {
  readonly kind: string;
  /** API group; when absent, the kind matches in any group. */
  readonly group?: string;
  readonly template: Path;
}

function configuredTemplatePaths(object: KubeObject, workloads: readonly WorkloadKind[]): { spec: Path; metadata: Path } | undefined {
  for (const workload of workloads) {
    if (workload.kind !== object.kind) continue;
    if (workload.group !== undefined && workload.group !== apiGroupOf(object.apiVersion)) continue;
    return { spec: [...workload.template, 'spec'], metadata: [...workload.template, 'metadata'] };
  }
  return undefined;
}

function customTemplatePaths(object: KubeObject): { spec: Path; metadata: Path } | undefined {
  const template = getRecord(getRecord(object.body, 'spec'), 'template');
  const spec = getRecord(template, 'spec');
  if (spec === undefined || asArray(own(spec, 'containers')) === undefined) return undefined;
  return { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] };
}

function checkedRecord(parent: JsonRecord, key: string, object: KubeObject, parentPath: Path, problems: ShapeProblem[]): JsonRecord | undefined {
  if (!hasOwn(parent, key)) return undefined;
  const value = parent[key];
  if (value === null) return undefined;
  if (isRecord(value)) return value;
  problems.push({ object, path: [...parentPath, key], message: `${key} must be a mapping` });
  return undefined;
}

export function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const list = asArray(current);
      if (list === undefined) return undefined;
      current = list[segment];
    } else {
      if (!isRecord(current)) return undefined;
      current = own(current, segment);
    }
  }
  return current;
}

function asRecordAt(root: unknown, path: Path): JsonRecord | undefined {
  const value = valueAt(root, path);
  return isRecord(value) ? value : undefined;
}

import type { Path } from '../../load/path.js';
import { toPointer } from '../../load/path.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { describeContainer } from './describe.js';

/** Where a container's offending value comes from: its own securityContext, the pod's, or nowhere. */
export type ValueOrigin = 'container' | 'pod' | 'unset';

export interface OffendingContainer {
  readonly container: ContainerView;
  /** Where the offending value is written; the container's own path when it is unset. */
  readonly path: Path;
  readonly from: ValueOrigin;
  /** The offending value (undefined when unset). */
  readonly value: unknown;
}

export interface FindingGroup {
  readonly path: Path;
  readonly from: ValueOrigin;
  readonly value: unknown;
  readonly containers: readonly ContainerView[];
}

/**
 * Groups offending containers by the path their value is written at, in first-seen order, so a
 * value set once in the pod's securityContext and inherited by several containers is reported
 * once, where it is written, instead of once per container on the same line.
 */
export function groupByPath(offenders: readonly OffendingContainer[]): FindingGroup[] {
  const groups = new Map<string, { path: Path; from: ValueOrigin; value: unknown; containers: ContainerView[] }>();
  for (const { container, path, from, value } of offenders) {
    const key = toPointer(path);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { path, from, value, containers: [container] });
    else group.containers.push(container);
  }
  return [...groups.values()];
}

/**
 * The containers of `pod` for which `offends` returns where their offending value is written
 * (undefined: no offence), grouped by that place (see `groupByPath`).
 */
export function offendingGroups(
  pod: PodSpecView,
  offends: (container: ContainerView) => Omit<OffendingContainer, 'container'> | undefined,
): FindingGroup[] {
  const offenders: OffendingContainer[] = [];
  for (const container of pod.containers) {
    const offence = offends(container);
    if (offence !== undefined) offenders.push({ container, ...offence });
  }
  return groupByPath(offenders);
}

/** `container "a", init container "b" and ephemeral container "c"`. */
export function describeContainers(containers: readonly ContainerView[]): string {
  const names = containers.map(describeContainer);
  const last = names.pop();
  if (last === undefined) return '';
  return names.length === 0 ? last : `${names.join(', ')} and ${last}`;
}

/** `inherits` / `inherit`, `it runs` / `they run`: agreement with a list of containers. */
export function plural<T>(containers: readonly ContainerView[], one: T, many: T): T {
  return containers.length === 1 ? one : many;
}

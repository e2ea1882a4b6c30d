import type { ContainerView } from '../../snapshot/pod-spec.js';

const TYPE_LABEL = {
  container: 'container',
  initContainer: 'init container',
  ephemeralContainer: 'ephemeral container',
} as const;

/** `container "web"`, `init container "migrate"`: how messages name a container. */
export function describeContainer(container: ContainerView): string {
  return `${TYPE_LABEL[container.type]} "${container.name}"`;
}

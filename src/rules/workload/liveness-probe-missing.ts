import { getRecord } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeLongRunningContainer, isLongRunning, longRunningContainers } from '../util/workload-lifecycle.js';

export default defineRule({
  id: 'liveness-probe-missing',
  title: 'Long-running container has no liveness probe',
  severity: 'low',
  category: 'workload',
  description:
    'The kubelet restarts a container on its own only when the process exits. A liveness probe lets it also restart a container that is still running but no longer working: deadlocked, stuck in a loop, or wedged on a lost connection. Without one such a container keeps its slot (and, if ready, its traffic) until someone notices.',
  remediation:
    'Add a `livenessProbe` that checks the process itself is responsive (a cheap `/healthz` endpoint, not one that tests databases or other dependencies), with a `startupProbe` or a generous `initialDelaySeconds` for slow starts.',
  frameworks: {},
  equivalents: {
    polaris: 'livenessProbeMissing',
    'kube-score': 'pod-probes',
    'kube-linter': 'no-liveness-probe',
    checkov: 'CKV_K8S_8',
    kubescape: 'C-0056',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (!isLongRunning(pod)) return;
    for (const container of longRunningContainers(pod)) {
      if (getRecord(container.body, 'livenessProbe') !== undefined) continue;
      context.report(
        pod.object,
        container.path,
        `${describeLongRunningContainer(container)} has no livenessProbe, so if it deadlocks or hangs without exiting the kubelet never restarts it`,
      );
    }
  },
});

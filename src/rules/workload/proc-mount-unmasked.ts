import { containerSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { runsInUserNamespace } from '../util/pod-user-namespace.js';

export default defineRule({
  id: 'proc-mount-unmasked',
  title: 'Container sees an unmasked /proc on the host user namespace',
  severity: 'high',
  category: 'workload',
  description:
    'The runtime normally hides parts of `/proc` (`/proc/kcore`, `/proc/keys`, `/proc/timer_list`, ...) and mounts others read-only (`/proc/sys`, `/proc/sysrq-trigger`). `procMount: Unmasked` removes both, so in a pod that shares the node\'s user namespace, root in the container reaches kernel interfaces the runtime hides and can write kernel settings that belong to the node.',
  remediation:
    'Remove `securityContext.procMount` or set it to `Default`. Nested container builds that need an unmasked `/proc` must also set `hostUsers: false` on the pod, so the container\'s root is an unprivileged user on the node.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/procMount'],
  },
  equivalents: {
    polaris: 'procMount',
    'kube-linter': 'unsafe-proc-mount',
    trivy: 'KSV-0027',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    // Since policy version 1.35 the baseline profile allows Unmasked in a user namespace (only
    // restricted still forbids it), and the API server requires hostUsers: false for it anyway.
    if (pod.isWindows || runsInUserNamespace(pod)) return;
    for (const container of pod.containers) {
      const { value, path } = containerSecurityValue(container, 'procMount');
      if (value !== 'Unmasked') continue;
      context.report(
        pod.object,
        path,
        `${describeContainer(container)} sets procMount: Unmasked while the pod shares the node's user namespace: root in it reaches the /proc files the runtime hides, such as /proc/kcore and /proc/keys, and can write node kernel settings under /proc/sys, and API servers since Kubernetes 1.30 reject the pod without hostUsers: false`,
      );
    }
  },
});

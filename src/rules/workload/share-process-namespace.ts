import { getBoolean } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'share-process-namespace',
  title: 'Containers share one process namespace',
  severity: 'low',
  category: 'workload',
  description:
    'With `shareProcessNamespace: true` all containers of the pod live in one PID namespace. Each sees every other container\'s processes and command lines, can signal them, and, running as the same user or with CAP_SYS_PTRACE, reads their environment (often holding secrets), memory and whole filesystem through /proc/<pid>/root. A compromised sidecar becomes a compromised pod.',
  remediation:
    'Remove `shareProcessNamespace` (the default is false). For occasional debugging use `kubectl debug --target=<container>`, which shares one container\'s namespace with a temporary ephemeral container only while you need it.',
  frameworks: {
    mitre: ['T1003.007'],
  },
  equivalents: {},
  fixable: true,
  target: 'pod',
  check(pod, context) {
    // PID namespaces are a Linux feature; Windows pods do not share processes this way.
    if (pod.isWindows || getBoolean(pod.spec, 'shareProcessNamespace') !== true) return;
    const count = pod.containers.filter(container => container.type !== 'ephemeralContainer').length;
    const who = count > 1 ? `its ${String(count)} containers` : 'its containers (and any sidecar or debug container added later)';
    context.report(
      pod.object,
      [...pod.specPath, 'shareProcessNamespace'],
      `the pod sets shareProcessNamespace: true, so ${who} see and can signal each other's processes and, as the same user, read each other's environment and files through /proc`,
    );
  },
});

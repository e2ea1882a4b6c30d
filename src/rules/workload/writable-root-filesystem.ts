import { containerSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';

export default defineRule({
  id: 'writable-root-filesystem',
  title: 'Container root filesystem is writable',
  severity: 'low',
  category: 'workload',
  description:
    'Unless `readOnlyRootFilesystem` is true, a compromised process can drop tools into the container, replace its binaries or libraries, and persist changes until the container restarts. An immutable root filesystem forces writes into declared volumes you can see and limit.',
  remediation:
    'Set `securityContext.readOnlyRootFilesystem: true` on each container and mount an `emptyDir` volume at the paths the process must write to (for example `/tmp` or a cache directory).',
  frameworks: {
    nsa: ['Kubernetes Pod security: Immutable container file systems'],
  },
  equivalents: {
    polaris: 'notReadOnlyRootFilesystem',
    'kube-score': 'container-security-context-readonlyrootfilesystem',
    'kube-linter': 'no-read-only-root-fs',
    trivy: 'KSV-0014',
    checkov: 'CKV_K8S_22',
    kubescape: 'C-0017',
    kubeaudit: 'rootfs',
    kubesec: 'ReadOnlyRootFilesystem',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    for (const container of pod.containers) {
      const { value, path } = containerSecurityValue(container, 'readOnlyRootFilesystem');
      if (value === true) continue;
      const name = describeContainer(container);
      if (value === undefined || value === null) {
        context.report(
          pod.object,
          container.path,
          `${name} does not set readOnlyRootFilesystem: true: a compromised process can write tools and modify binaries in its filesystem`,
        );
      } else {
        const written = value === false ? 'readOnlyRootFilesystem: false' : 'readOnlyRootFilesystem to a non-boolean value';
        context.report(pod.object, path, `${name} sets ${written}: a compromised process can write tools and modify binaries in its filesystem`);
      }
    }
  },
});

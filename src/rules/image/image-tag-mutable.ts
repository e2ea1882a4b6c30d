import { getString } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { isPinnedByDigest, parseImageReference } from '../util/image-reference.js';

export default defineRule({
  id: 'image-tag-mutable',
  title: 'Container image has no tag or uses latest',
  severity: 'medium',
  category: 'image',
  description:
    'An image without a tag means `:latest`, and `latest` is a tag its publisher moves with every push. Nodes pulling at different times run different code, a rollback redeploys the same moving target, and whoever can push to the repository (or a compromised upstream) changes what the cluster runs without any manifest change to review.',
  remediation:
    'Reference an explicit version tag (`nginx:1.27.3`), or better, pin the image by digest (`nginx:1.27.3@sha256:...`), which the runtime verifies on every pull; let a bot such as Renovate or Dependabot propose updates.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Building secure container images'],
    mitre: ['T1525'],
  },
  equivalents: {
    polaris: 'tagNotSpecified',
    'kube-score': 'container-image-tag',
    'kube-linter': 'latest-tag',
    trivy: 'KSV-0013',
    checkov: 'CKV_K8S_14',
    kubescape: 'C-0075',
    kubeaudit: 'image',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const image = getString(container.body, 'image');
      if (image === undefined || image.trim() === '') continue;
      const reference = parseImageReference(image);
      if (isPinnedByDigest(reference)) continue;
      const path = [...container.path, 'image'];
      if (reference.tag === undefined || reference.tag === '') {
        context.report(
          pod.object,
          path,
          `${describeContainer(container)} uses image "${image}" with neither tag nor digest, so it runs whatever "latest" points to when each node pulls it`,
        );
      } else if (reference.tag === 'latest') {
        context.report(
          pod.object,
          path,
          `${describeContainer(container)} uses image "${image}", whose "latest" tag moves with every push, so nodes can run different code and a push changes the workload without review`,
        );
      }
    }
  },
});

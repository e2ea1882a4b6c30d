import { getString } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { isWellFormedDigest } from '../util/image-reference.js';
import { parseImageReference } from '../util/image-reference.js';

export default defineRule({
  id: 'image-not-pinned-by-digest',
  title: 'Container image is not pinned by digest',
  severity: 'low',
  category: 'image',
  description:
    'A tag, even a version tag such as `1.27.3`, is a pointer the repository owner (or anyone who gains push access, or a compromised mirror) can move to different content. Only a digest names the exact image: the runtime verifies the content against it on every pull, so the code that runs is the code that was reviewed and scanned.',
  remediation:
    'Append the digest of the image you tested: `nginx:1.27.3@sha256:<64 hex characters>` (keeping the tag documents the version; the runtime ignores it once a digest is present). Let Renovate or Dependabot update the digests.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Building secure container images'],
    mitre: ['T1525'],
  },
  equivalents: {
    'kube-linter': 'image-not-pinned-by-digest',
    checkov: 'CKV_K8S_43',
    kubescape: 'C-0306',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const image = getString(container.body, 'image');
      if (image === undefined || image === '') continue;
      const { digest } = parseImageReference(image);
      if (isWellFormedDigest(digest)) continue;
      const name = describeContainer(container);
      const message =
        digest === undefined
          ? `${name} uses image "${image}" without a digest, so whoever controls the tag decides what code it runs`
          : `${name} uses image "${image}", whose digest "${digest}" is not a valid sha256, sha384 or sha512 digest: the runtime rejects the reference and the container cannot start`;
      context.report(pod.object, [...container.path, 'image'], message);
    }
  },
});

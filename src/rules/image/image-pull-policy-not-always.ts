import { getString, own } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { defaultPullPolicy, isPullPolicy, parseNormalizedImage } from '../util/image-name.js';

export default defineRule({
  id: 'image-pull-policy-not-always',
  title: 'Image pull policy lets nodes reuse a cached tag',
  severity: 'low',
  category: 'image',
  description:
    'With `IfNotPresent` (the API server\'s default for any tag other than `latest`) or `Never`, a node that already holds an image under the tag runs that copy without asking the registry. Once the tag is moved, say to ship a security fix or after a bad push is reverted, nodes run different code depending on what they cached, and a tampered copy on one node stays in use.',
  remediation:
    'Pin the image by digest (`app:1.4.2@sha256:...`): content cannot change under a digest, so `IfNotPresent` is then safe and saves pulls. Otherwise set `imagePullPolicy: Always`; the kubelet then checks the tag with the registry on every container start and reuses its cache only when the digest still matches.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Building secure container images'],
    mitre: ['T1525'],
  },
  equivalents: {
    polaris: 'pullPolicyNotAlways',
    'kube-score': 'container-image-pull-policy',
    checkov: 'CKV_K8S_15',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const image = getString(container.body, 'image');
      if (image === undefined || image === '') continue;
      // A reference the runtime cannot parse never runs; a digest cannot move, so caching is safe.
      const parsed = parseNormalizedImage(image);
      if (parsed === undefined || parsed.digest !== undefined) continue;
      const raw = own(container.body, 'imagePullPolicy');
      const name = describeContainer(container);
      const tag = parsed.tag ?? 'latest';
      if (raw === undefined || raw === null || raw === '') {
        if (defaultPullPolicy(image) === 'Always') continue;
        context.report(
          pod.object,
          [...container.path, 'image'],
          `${name} sets no imagePullPolicy, so the API server defaults it to IfNotPresent for tag "${tag}" of "${image}": a node that already holds the tag runs its cached copy, even after the tag moved`,
        );
        continue;
      }
      if (!isPullPolicy(raw) || raw === 'Always') continue;
      const consequence =
        raw === 'Never'
          ? 'the node runs whatever copy of the tag it holds and never asks the registry'
          : 'a node that already holds the tag runs its cached copy, even after the tag moved';
      context.report(pod.object, [...container.path, 'imagePullPolicy'], `${name} sets imagePullPolicy: ${raw} for "${image}", which has no digest: ${consequence}`);
    }
  },
});

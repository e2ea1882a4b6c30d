import { getString } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { parseRegistryRule, qualifiedRepository, registryRuleAllows } from '../util/image-name.js';
import { stringListOption } from '../util/options.js';

export default defineRule({
  id: 'image-registry-not-allowed',
  title: 'Container image comes from an unapproved registry',
  severity: 'medium',
  category: 'image',
  description:
    'The registry decides what code a container runs. Images from registries nobody vetted skip your scanning, signing and mirroring, and a name without a registry host (`nginx`, `bitnami/redis`) is not even fixed: containerd and Docker read it as Docker Hub, while CRI-O and Podman try each of their configured search registries in turn, where a look-alike image can answer first.',
  remediation:
    'Write every image with its registry host (`docker.io/library/nginx:1.27.3`, `registry.acme.internal/team/api:2.4.0`), and list the registries you trust in `allowedRegistries` so kubeward flags any other. Enforce the same list at admission with a ValidatingAdmissionPolicy, Kyverno or Gatekeeper.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Building secure container images'],
    mitre: ['T1525'],
  },
  equivalents: {
    trivy: 'KSV-0125',
    kubescape: ['C-0078', 'C-0001'],
  },
  fixable: false,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowedRegistries: {
        description:
          'Registry hosts (`registry.acme.internal`, `localhost:5000`) or repository prefixes ending in `/` (`ghcr.io/acme/`) that images may come from. Unset: only images without a registry host are reported.',
        type: 'array',
        minItems: 1,
        items: { type: 'string', minLength: 1, pattern: '^(?:[^/\\s]+|\\S+/)$' },
      },
    },
  },
  target: 'pod',
  check(pod, context) {
    const entries = stringListOption(context.options, 'allowedRegistries', []);
    const rules = entries.length === 0 ? undefined : entries.map(parseRegistryRule);
    for (const container of pod.containers) {
      const image = getString(container.body, 'image');
      if (image === undefined || image === '') continue;
      const resolved = qualifiedRepository(image);
      const name = describeContainer(container);
      const path = [...container.path, 'image'];
      if (rules === undefined) {
        if (resolved.explicit) continue;
        context.report(
          pod.object,
          path,
          `${name} uses image "${image}" without a registry host: containerd and Docker pull ${resolved.qualified} from Docker Hub, but runtimes with search registries (CRI-O, Podman) may resolve the short name to another registry's image`,
        );
      } else if (!rules.some(rule => registryRuleAllows(rule, resolved))) {
        context.report(
          pod.object,
          path,
          `${name} uses image "${image}" (${resolved.qualified}) from registry ${resolved.registry}, which allowedRegistries does not list: its content has not been through the registries you trust`,
        );
      }
    }
  },
});

import kubernetesVersionEol from './control-plane/kubernetes-version-eol.js';
import imageNotPinnedByDigest from './image/image-not-pinned-by-digest.js';
import imagePullPolicyNotAlways from './image/image-pull-policy-not-always.js';
import imageRegistryNotAllowed from './image/image-registry-not-allowed.js';
import imageTagMutable from './image/image-tag-mutable.js';
import sshServerInContainer from './image/ssh-server-in-container.js';
import namespacePssNotEnforced from './namespace/namespace-pss-not-enforced.js';
import namespacePssPrivileged from './namespace/namespace-pss-privileged.js';
import namespacePssVersionPinned from './namespace/namespace-pss-version-pinned.js';
import namespaceWithoutLimitRange from './namespace/namespace-without-limit-range.js';
import namespaceWithoutResourceQuota from './namespace/namespace-without-resource-quota.js';
import workloadInDefaultNamespace from './namespace/workload-in-default-namespace.js';
import ingressBackendMissing from './network/ingress-backend-missing.js';
import ingressWithoutTls from './network/ingress-without-tls.js';
import istioDestinationRuleTlsDisabled from './network/istio-destination-rule-tls-disabled.js';
import istioMtlsNotStrict from './network/istio-mtls-not-strict.js';
import linkerdInjectionDisabled from './network/linkerd-injection-disabled.js';
import meshPortsSkipped from './network/mesh-ports-skipped.js';
import metadataApiReachable from './network/metadata-api-reachable.js';
import podWithoutNetworkPolicy from './network/pod-without-network-policy.js';
import serviceExposedExternally from './network/service-exposed-externally.js';
import serviceExternalIps from './network/service-external-ips.js';
import serviceSelectsNothing from './network/service-selects-nothing.js';
import defaultServiceAccountUsed from './secrets/default-service-account-used.js';
import legacyServiceAccountToken from './secrets/legacy-service-account-token.js';
import secretAsEnvVar from './secrets/secret-as-env-var.js';
import secretInConfigmap from './secrets/secret-in-configmap.js';
import secretInEnvLiteral from './secrets/secret-in-env-literal.js';
import serviceAccountTokenAutomount from './secrets/service-account-token-automount.js';
import duplicateKey from './supply-chain/duplicate-key.js';
import type { Rule } from './types.js';
import apparmorProfileMissing from './workload/apparmor-profile-missing.js';
import apparmorUnconfined from './workload/apparmor-unconfined.js';
import capabilitiesNotDropped from './workload/capabilities-not-dropped.js';
import containerRuntimeSocket from './workload/container-runtime-socket.js';
import cpuLimitsMissing from './workload/cpu-limits-missing.js';
import cpuRequestsMissing from './workload/cpu-requests-missing.js';
import dangerousCapabilities from './workload/dangerous-capabilities.js';
import duplicateContainerName from './workload/duplicate-container-name.js';
import duplicateEnvVar from './workload/duplicate-env-var.js';
import ephemeralStorageUnbounded from './workload/ephemeral-storage-unbounded.js';
import hostAliases from './workload/host-aliases.js';
import hostIpc from './workload/host-ipc.js';
import hostNetwork from './workload/host-network.js';
import hostPathVolume from './workload/host-path-volume.js';
import hostPid from './workload/host-pid.js';
import hostPort from './workload/host-port.js';
import hostUsersEnabled from './workload/host-users-enabled.js';
import hpaMisconfigured from './workload/hpa-misconfigured.js';
import livenessProbeMissing from './workload/liveness-probe-missing.js';
import memoryLimitsMissing from './workload/memory-limits-missing.js';
import memoryRequestsMissing from './workload/memory-requests-missing.js';
import netRawNotDropped from './workload/net-raw-not-dropped.js';
import pdbBlocksEviction from './workload/pdb-blocks-eviction.js';
import podDisruptionBudgetMissing from './workload/pod-disruption-budget-missing.js';
import priorityClassMissing from './workload/priority-class-missing.js';
import privilegeEscalationAllowed from './workload/privilege-escalation-allowed.js';
import privilegedContainer from './workload/privileged-container.js';
import privilegedPort from './workload/privileged-port.js';
import procMountUnmasked from './workload/proc-mount-unmasked.js';
import readinessProbeMissing from './workload/readiness-probe-missing.js';
import runAsLowUid from './workload/run-as-low-uid.js';
import runAsRootAllowed from './workload/run-as-root-allowed.js';
import runAsRootGroup from './workload/run-as-root-group.js';
import runAsRootUser from './workload/run-as-root-user.js';
import seccompProfileMissing from './workload/seccomp-profile-missing.js';
import seccompUnconfined from './workload/seccomp-unconfined.js';
import securityContextMissing from './workload/security-context-missing.js';
import selinuxCustomOptions from './workload/selinux-custom-options.js';
import sensitiveHostPath from './workload/sensitive-host-path.js';
import shareProcessNamespace from './workload/share-process-namespace.js';
import singleReplica from './workload/single-replica.js';
import topologySpreadMissing from './workload/topology-spread-missing.js';
import unknownSecurityField from './workload/unknown-security-field.js';
import unsafeSysctls from './workload/unsafe-sysctls.js';
import windowsHostProcess from './workload/windows-host-process.js';
import writableHostPath from './workload/writable-host-path.js';
import writableRootFilesystem from './workload/writable-root-filesystem.js';

/**
 * Every rule, keyed by id. Written out by hand (as typescript-eslint does) so the compiler
 * checks each entry; a meta-test checks the keys against the files and the docs.
 */
export const RULES = {
  'apparmor-profile-missing': apparmorProfileMissing,
  'apparmor-unconfined': apparmorUnconfined,
  'capabilities-not-dropped': capabilitiesNotDropped,
  'container-runtime-socket': containerRuntimeSocket,
  'cpu-limits-missing': cpuLimitsMissing,
  'cpu-requests-missing': cpuRequestsMissing,
  'dangerous-capabilities': dangerousCapabilities,
  'default-service-account-used': defaultServiceAccountUsed,
  'duplicate-container-name': duplicateContainerName,
  'duplicate-env-var': duplicateEnvVar,
  'duplicate-key': duplicateKey,
  'ephemeral-storage-unbounded': ephemeralStorageUnbounded,
  'host-aliases': hostAliases,
  'host-ipc': hostIpc,
  'host-network': hostNetwork,
  'host-path-volume': hostPathVolume,
  'host-pid': hostPid,
  'host-port': hostPort,
  'host-users-enabled': hostUsersEnabled,
  'hpa-misconfigured': hpaMisconfigured,
  'image-not-pinned-by-digest': imageNotPinnedByDigest,
  'image-pull-policy-not-always': imagePullPolicyNotAlways,
  'image-registry-not-allowed': imageRegistryNotAllowed,
  'image-tag-mutable': imageTagMutable,
  'ingress-backend-missing': ingressBackendMissing,
  'ingress-without-tls': ingressWithoutTls,
  'istio-destination-rule-tls-disabled': istioDestinationRuleTlsDisabled,
  'istio-mtls-not-strict': istioMtlsNotStrict,
  'kubernetes-version-eol': kubernetesVersionEol,
  'legacy-service-account-token': legacyServiceAccountToken,
  'linkerd-injection-disabled': linkerdInjectionDisabled,
  'liveness-probe-missing': livenessProbeMissing,
  'memory-limits-missing': memoryLimitsMissing,
  'memory-requests-missing': memoryRequestsMissing,
  'mesh-ports-skipped': meshPortsSkipped,
  'metadata-api-reachable': metadataApiReachable,
  'namespace-pss-not-enforced': namespacePssNotEnforced,
  'namespace-pss-privileged': namespacePssPrivileged,
  'namespace-pss-version-pinned': namespacePssVersionPinned,
  'namespace-without-limit-range': namespaceWithoutLimitRange,
  'namespace-without-resource-quota': namespaceWithoutResourceQuota,
  'net-raw-not-dropped': netRawNotDropped,
  'pdb-blocks-eviction': pdbBlocksEviction,
  'pod-disruption-budget-missing': podDisruptionBudgetMissing,
  'pod-without-network-policy': podWithoutNetworkPolicy,
  'priority-class-missing': priorityClassMissing,
  'privilege-escalation-allowed': privilegeEscalationAllowed,
  'privileged-container': privilegedContainer,
  'privileged-port': privilegedPort,
  'proc-mount-unmasked': procMountUnmasked,
  'readiness-probe-missing': readinessProbeMissing,
  'run-as-low-uid': runAsLowUid,
  'run-as-root-allowed': runAsRootAllowed,
  'run-as-root-group': runAsRootGroup,
  'run-as-root-user': runAsRootUser,
  'seccomp-profile-missing': seccompProfileMissing,
  'seccomp-unconfined': seccompUnconfined,
  'secret-as-env-var': secretAsEnvVar,
  'secret-in-configmap': secretInConfigmap,
  'secret-in-env-literal': secretInEnvLiteral,
  'security-context-missing': securityContextMissing,
  'selinux-custom-options': selinuxCustomOptions,
  'sensitive-host-path': sensitiveHostPath,
  'service-account-token-automount': serviceAccountTokenAutomount,
  'service-exposed-externally': serviceExposedExternally,
  'service-external-ips': serviceExternalIps,
  'service-selects-nothing': serviceSelectsNothing,
  'share-process-namespace': shareProcessNamespace,
  'single-replica': singleReplica,
  'ssh-server-in-container': sshServerInContainer,
  'topology-spread-missing': topologySpreadMissing,
  'unknown-security-field': unknownSecurityField,
  'unsafe-sysctls': unsafeSysctls,
  'windows-host-process': windowsHostProcess,
  'workload-in-default-namespace': workloadInDefaultNamespace,
  'writable-host-path': writableHostPath,
  'writable-root-filesystem': writableRootFilesystem,
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const ALL_RULES: readonly Rule[] = Object.values<Rule>(RULES).sort((a, b) => compareIds(a.id, b.id));

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find(rule => rule.id === id);
}

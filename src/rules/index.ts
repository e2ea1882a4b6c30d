import imageTagMutable from './image/image-tag-mutable.js';
import podWithoutNetworkPolicy from './network/pod-without-network-policy.js';
import serviceAccountTokenAutomount from './secrets/service-account-token-automount.js';
import duplicateKey from './supply-chain/duplicate-key.js';
import type { Rule } from './types.js';
import capabilitiesNotDropped from './workload/capabilities-not-dropped.js';
import containerRuntimeSocket from './workload/container-runtime-socket.js';
import cpuLimitsMissing from './workload/cpu-limits-missing.js';
import cpuRequestsMissing from './workload/cpu-requests-missing.js';
import dangerousCapabilities from './workload/dangerous-capabilities.js';
import hostIpc from './workload/host-ipc.js';
import hostNetwork from './workload/host-network.js';
import hostPathVolume from './workload/host-path-volume.js';
import hostPid from './workload/host-pid.js';
import memoryLimitsMissing from './workload/memory-limits-missing.js';
import memoryRequestsMissing from './workload/memory-requests-missing.js';
import privilegeEscalationAllowed from './workload/privilege-escalation-allowed.js';
import privilegedContainer from './workload/privileged-container.js';
import runAsRootAllowed from './workload/run-as-root-allowed.js';
import runAsRootUser from './workload/run-as-root-user.js';
import seccompProfileMissing from './workload/seccomp-profile-missing.js';
import seccompUnconfined from './workload/seccomp-unconfined.js';
import writableRootFilesystem from './workload/writable-root-filesystem.js';

/**
 * Every rule, keyed by id. Written out by hand (as typescript-eslint does) so the compiler
 * checks each entry; a meta-test checks the keys against the files and the docs.
 */
export const RULES = {
  'capabilities-not-dropped': capabilitiesNotDropped,
  'container-runtime-socket': containerRuntimeSocket,
  'cpu-limits-missing': cpuLimitsMissing,
  'cpu-requests-missing': cpuRequestsMissing,
  'dangerous-capabilities': dangerousCapabilities,
  'duplicate-key': duplicateKey,
  'host-ipc': hostIpc,
  'host-network': hostNetwork,
  'host-path-volume': hostPathVolume,
  'host-pid': hostPid,
  'image-tag-mutable': imageTagMutable,
  'memory-limits-missing': memoryLimitsMissing,
  'memory-requests-missing': memoryRequestsMissing,
  'pod-without-network-policy': podWithoutNetworkPolicy,
  'privilege-escalation-allowed': privilegeEscalationAllowed,
  'privileged-container': privilegedContainer,
  'run-as-root-allowed': runAsRootAllowed,
  'run-as-root-user': runAsRootUser,
  'seccomp-profile-missing': seccompProfileMissing,
  'seccomp-unconfined': seccompUnconfined,
  'service-account-token-automount': serviceAccountTokenAutomount,
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

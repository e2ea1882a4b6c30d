/** Built-in kinds of a current Kubernetes release, and whether each is namespaced. */

const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterTrustBundle',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'IngressClass',
  'IPAddress',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'ResourceSlice',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectReview',
  'SelfSubjectRulesReview',
  'ServiceCIDR',
  'StorageClass',
  'StorageVersion',
  'StorageVersionMigration',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeAttributesClass',
]);

const NAMESPACED = new Set([
  'Binding',
  'ConfigMap',
  'ControllerRevision',
  'CronJob',
  'CSIStorageCapacity',
  'DaemonSet',
  'Deployment',
  'EndpointSlice',
  'Endpoints',
  'Event',
  'HorizontalPodAutoscaler',
  'Ingress',
  'Job',
  'Lease',
  'LimitRange',
  'LocalSubjectAccessReview',
  'NetworkPolicy',
  'PersistentVolumeClaim',
  'Pod',
  'PodDisruptionBudget',
  'PodTemplate',
  'ReplicaSet',
  'ReplicationController',
  'ResourceClaim',
  'ResourceClaimTemplate',
  'ResourceQuota',
  'Role',
  'RoleBinding',
  'Secret',
  'Service',
  'ServiceAccount',
  'StatefulSet',
]);

export function isBuiltInKind(kind: string): boolean {
  return NAMESPACED.has(kind) || CLUSTER_SCOPED.has(kind);
}

/**
 * Unknown kinds (custom resources) are treated as namespaced, which is what most are; a
 * CustomResourceDefinition in the input overrides this through the snapshot.
 */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** `List`, `DeploymentList`, `ConfigMapList`: wrappers whose `items` are the real objects. */
export function isListKind(kind: string): boolean {
  return kind === 'List' || (kind.endsWith('List') && kind.length > 4);
}

/** API group of each built-in kind ('' is the core group), for telling them from look-alike CRDs. */
const BUILT_IN_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['']],
  ['Service', ['']],
  ['ServiceAccount', ['']],
  ['Secret', ['']],
  ['ConfigMap', ['']],
  ['Namespace', ['']],
  ['Node', ['']],
  ['LimitRange', ['']],
  ['ResourceQuota', ['']],
  ['PersistentVolume', ['']],
  ['PersistentVolumeClaim', ['']],
  ['ReplicationController', ['']],
  ['PodTemplate', ['']],
  ['Endpoints', ['']],
  ['Deployment', ['apps', 'extensions']],
  ['ReplicaSet', ['apps', 'extensions']],
  ['StatefulSet', ['apps']],
  ['DaemonSet', ['apps', 'extensions']],
  ['Job', ['batch']],
  ['CronJob', ['batch']],
  ['Ingress', ['networking.k8s.io', 'extensions']],
  ['IngressClass', ['networking.k8s.io']],
  ['NetworkPolicy', ['networking.k8s.io', 'extensions']],
  ['PodDisruptionBudget', ['policy']],
  ['HorizontalPodAutoscaler', ['autoscaling']],
  ['PriorityClass', ['scheduling.k8s.io']],
  ['Role', ['rbac.authorization.k8s.io']],
  ['RoleBinding', ['rbac.authorization.k8s.io']],
  ['ClusterRole', ['rbac.authorization.k8s.io']],
  ['ClusterRoleBinding', ['rbac.authorization.k8s.io']],
  ['CustomResourceDefinition', ['apiextensions.k8s.io']],
  ['ValidatingWebhookConfiguration', ['admissionregistration.k8s.io']],
  ['MutatingWebhookConfiguration', ['admissionregistration.k8s.io']],
]);

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * True when the object is the built-in `kind`, not a custom resource that reuses its name
 * (Knative's `serving.knative.dev` Service, Calico's `projectcalico.org` NetworkPolicy).
 */
export function isBuiltIn(object: { readonly apiVersion: string; readonly kind: string }, kind: string): boolean {
  if (object.kind !== kind) return false;
  const groups = BUILT_IN_GROUPS.get(kind);
  return groups === undefined || groups.includes(apiGroupOf(object.apiVersion));
}

/**
 * Custom resource kinds that rules read (service-mesh policies, cluster lifecycle objects that
 * reveal the Kubernetes version). They are checked, so they do not count as unknown.
 */
const CHECKED_CUSTOM_KINDS = new Set([
  'PeerAuthentication',
  'DestinationRule',
  'ServiceEntry',
  'ClusterConfiguration',
  'Cluster',
  'KubeadmControlPlane',
  'MachineDeployment',
]);

export function isCheckedCustomKind(kind: string): boolean {
  return CHECKED_CUSTOM_KINDS.has(kind);
}

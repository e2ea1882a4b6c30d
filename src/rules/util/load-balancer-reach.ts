import type { JsonRecord } from '../../snapshot/guards.js';
import { getString, own, stringList } from '../../snapshot/guards.js';

/**
 * Who can reach a `type: LoadBalancer` Service, as far as its own manifest says: internal load
 * balancers (cloud-specific annotations) and source ranges. Anything else, for example a
 * cloud firewall or a controller that makes every load balancer internal, is outside the manifest.
 */

const AWS_INTERNAL = 'service.beta.kubernetes.io/aws-load-balancer-internal';
const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';
const AWS_LBC_CLASS = 'service.k8s.aws/nlb';
const GKE_TYPE = 'networking.gke.io/load-balancer-type';
const GKE_LEGACY_TYPE = 'cloud.google.com/load-balancer-type';
const AZURE_INTERNAL = 'service.beta.kubernetes.io/azure-load-balancer-internal';
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * The annotation that makes the cloud provision an internal (private-address) load balancer, as
 * `key: value` for messages, or undefined for an internet-facing one.
 *
 * - AWS Load Balancer Controller: `aws-load-balancer-scheme: internal`; and when the controller
 *   is selected explicitly (`aws-load-balancer-type: external` or `nlb-ip`, or
 *   `loadBalancerClass: service.k8s.aws/nlb`) without a scheme, because it defaults to internal.
 *   `scheme: internet-facing` wins over everything.
 * - AWS in-tree provider: `aws-load-balancer-internal` set to any value but `false` (the legacy
 *   documentation used `0.0.0.0/0`, which also means internal).
 * - GKE: `networking.gke.io/load-balancer-type: Internal`, or the older
 *   `cloud.google.com/load-balancer-type` (which also accepted `internal`).
 * - Azure: `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`.
 */
export function internalLoadBalancerMarker(annotations: ReadonlyMap<string, string>, spec: JsonRecord | undefined): string | undefined {
  const scheme = annotations.get(AWS_SCHEME);
  if (scheme === 'internet-facing') return undefined;
  if (scheme === 'internal') return `${AWS_SCHEME}: internal`;
  const awsInternal = annotations.get(AWS_INTERNAL);
  if (awsInternal !== undefined && awsInternal !== '' && awsInternal !== 'false') return `${AWS_INTERNAL}: ${awsInternal}`;
  const awsType = annotations.get(AWS_TYPE);
  const lbcDefault = 'and no scheme annotation; the AWS Load Balancer Controller defaults to internal';
  if (awsType === 'external' || awsType === 'nlb-ip') return `${AWS_TYPE}: ${awsType} ${lbcDefault}`;
  if (getString(spec, 'loadBalancerClass') === AWS_LBC_CLASS) return `loadBalancerClass: ${AWS_LBC_CLASS} ${lbcDefault}`;
  for (const key of [GKE_TYPE, GKE_LEGACY_TYPE]) {
    const value = annotations.get(key);
    if (value === 'Internal' || value === 'internal') return `${key}: ${value}`;
  }
  if (annotations.get(AZURE_INTERNAL) === 'true') return `${AZURE_INTERNAL}: "true"`;
  return undefined;
}

export interface SourceRanges {
  readonly ranges: readonly string[];
  readonly from: 'spec.loadBalancerSourceRanges' | 'annotation';
  /** A `/0` range admits every address, so the list restricts nothing. */
  readonly open: boolean;
}

/**
 * The client CIDRs the load balancer admits, or undefined when none are written. The field wins
 * over the older annotation (a comma-separated list), as in the cloud providers.
 */
export function loadBalancerSourceRanges(annotations: ReadonlyMap<string, string>, spec: JsonRecord | undefined): SourceRanges | undefined {
  const field = spec === undefined ? [] : stringList(own(spec, 'loadBalancerSourceRanges')).map(range => range.trim()).filter(range => range !== '');
  const annotation = (annotations.get(SOURCE_RANGES_ANNOTATION) ?? '')
    .split(',')
    .map(range => range.trim())
    .filter(range => range !== '');
  if (field.length > 0) return { ranges: field, from: 'spec.loadBalancerSourceRanges', open: field.some(admitsEveryone) };
  if (annotation.length > 0) return { ranges: annotation, from: 'annotation', open: annotation.some(admitsEveryone) };
  return undefined;
}

function admitsEveryone(range: string): boolean {
  const slash = range.lastIndexOf('/');
  return slash !== -1 && /^0+$/.test(range.slice(slash + 1));
}

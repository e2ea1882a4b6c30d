/**
 * The parts of a container image reference, `[registry[:port]/]repository[:tag][@digest]`, as the
 * container runtime reads it (the distribution/reference grammar). Only the split is done here;
 * nothing is validated beyond what deciding "is this pinned?" needs.
 */
export interface ImageReference {
  /** Everything before the tag and digest: registry, port and repository path. */
  readonly name: string;
  /** Text after the tag's `:`; undefined when the reference has no tag. May be empty (`app:`). */
  readonly tag: string | undefined;
  /** Text after `@`; undefined when the reference has no digest. */
  readonly digest: string | undefined;
}

/** `algorithm:encoded`, per the OCI image spec's digest grammar (`sha256:<64 hex>`, ...). */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/**
 * Splits a reference. The digest is everything after the first `@`; the tag is what follows the
 * last `:` of the last `/`-separated component, so the port in `localhost:5000/app` is not a tag
 * while `registry.example.com:443/team/app:1.2` has tag `1.2`.
 */
export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const beforeDigest = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  const lastSlash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  if (colon <= lastSlash) return { name: beforeDigest, tag: undefined, digest };
  return { name: beforeDigest.slice(0, colon), tag: beforeDigest.slice(colon + 1), digest };
}

/** True when the reference names a well-formed content digest: the runtime then ignores the tag. */
export function isPinnedByDigest(reference: ImageReference): boolean {
  return reference.digest !== undefined && DIGEST.test(reference.digest);
}

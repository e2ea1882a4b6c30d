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

/**
 * Digests the runtime accepts: a registered algorithm with the exact number of lower-case hex
 * characters (go-digest validates `sha256:` as 64, `sha384:` as 96, `sha512:` as 128). Anything
 * else makes the reference invalid and the pull fails, so it pins nothing.
 */
const WELL_FORMED_DIGEST = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;

export function isWellFormedDigest(digest: string | undefined): boolean {
  return digest !== undefined && WELL_FORMED_DIGEST.test(digest);
}

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
  return isWellFormedDigest(reference.digest);
}

import { isWellFormedDigest, parseImageReference } from './image-reference.js';

/**
 * Image references as the container runtime and the API server read them: the registry a name
 * resolves to (distribution/reference's `ParseNormalizedNamed`), whether a digest is one the
 * runtime accepts, and the `imagePullPolicy` the API server fills in when the manifest has none.
 */

/** Docker Hub, as the reference library spells it after normalisation. */
export const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';

export interface RegistryName {
  /** Registry host (with port), lower-cased: `docker.io`, `ghcr.io`, `localhost:5000`. */
  readonly registry: string;
  /** Repository path inside the registry: `library/nginx`, `acme/api`. */
  readonly repository: string;
  /** False when the reference names no registry and Docker Hub is implied (`nginx`, `bitnami/redis`). */
  readonly explicit: boolean;
}

/**
 * The registry a repository name (no tag, no digest) resolves to. The first `/`-separated
 * component is a registry host when it contains `.` or `:`, is `localhost`, or has an upper-case
 * letter (repository paths cannot); otherwise the name is on Docker Hub, where a single-component
 * name is an official image under `library/`. `index.docker.io` is Docker Hub's old name.
 */
export function splitRegistry(name: string): RegistryName {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let registry = isHost ? first.toLowerCase() : DOCKER_HUB;
  let repository = isHost ? name.slice(slash + 1) : name;
  if (registry === LEGACY_DOCKER_HUB) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = OFFICIAL_PREFIX + repository;
  return { registry, repository, explicit: isHost };
}

/** `docker.io/library/nginx`: the fully qualified repository of an image reference. */
export function qualifiedRepository(image: string): RegistryName & { readonly qualified: string } {
  const parts = splitRegistry(parseImageReference(image).name);
  return { ...parts, qualified: `${parts.registry}/${parts.repository}` };
}

/** distribution/reference's grammar, for deciding whether the API server could parse the name. */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const HOST = new RegExp(`^${DOMAIN}$`);
const TAG = /^\w[\w.-]{0,127}$/;

export interface ParsedImage {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/**
 * The reference parsed the way the API server's defaulting parses it, or undefined when that
 * parse fails (an upper-case repository, a malformed tag or digest, a bare 64-hex image ID).
 */
export function parseNormalizedImage(image: string): ParsedImage | undefined {
  const { name, tag, digest } = parseImageReference(image);
  if (name === '' || name.length > 255 || /^[a-f0-9]{64}$/.test(name)) return undefined;
  const slash = name.indexOf('/');
  const { registry, repository, explicit } = splitRegistry(name);
  if (explicit && !HOST.test(name.slice(0, slash))) return undefined;
  if (!REPOSITORY.test(explicit ? name.slice(slash + 1) : name)) return undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  if (digest !== undefined && !isWellFormedDigest(digest)) return undefined;
  return { registry, repository, tag, digest };
}

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export function isPullPolicy(value: unknown): value is PullPolicy {
  return value === 'Always' || value === 'IfNotPresent' || value === 'Never';
}

/**
 * What the API server writes into an empty `imagePullPolicy` (`SetDefaults_Container`): `Always`
 * when the tag is `latest`, or when the reference has neither tag nor digest (the parser then
 * reports the tag `latest`); `IfNotPresent` otherwise, including for digest-only references and
 * for references it cannot parse.
 */
export function defaultPullPolicy(image: string): PullPolicy {
  const parsed = parseNormalizedImage(image);
  if (parsed === undefined) return 'IfNotPresent';
  const tag = parsed.tag ?? (parsed.digest === undefined ? 'latest' : undefined);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** One entry of an `allowedRegistries` list, normalised for comparison. */
export type RegistryRule =
  | { readonly kind: 'host'; readonly host: string; readonly written: string }
  | { readonly kind: 'prefix'; readonly prefix: string; readonly written: string };

/**
 * Reads an allowlist entry: a registry host (`registry.acme.internal`, `localhost:5000`) or a
 * repository prefix ending in `/` (`ghcr.io/acme/`). A prefix is normalised like an image name,
 * so `bitnami/` means `docker.io/bitnami/`; a host entry of `index.docker.io` means `docker.io`.
 */
export function parseRegistryRule(entry: string): RegistryRule {
  const written = entry.trim();
  if (!written.endsWith('/')) {
    const host = written.toLowerCase();
    return { kind: 'host', host: host === LEGACY_DOCKER_HUB ? DOCKER_HUB : host, written };
  }
  const body = written.slice(0, -1);
  const slash = body.indexOf('/');
  const first = slash === -1 ? body : body.slice(0, slash);
  const rest = slash === -1 ? '' : body.slice(slash + 1);
  const isHost = /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
  let host = isHost ? first.toLowerCase() : DOCKER_HUB;
  if (host === LEGACY_DOCKER_HUB) host = DOCKER_HUB;
  const path = isHost ? rest : body;
  return { kind: 'prefix', prefix: path === '' ? `${host}/` : `${host}/${path}/`, written };
}

/** True when the image's qualified repository is covered by the rule. */
export function registryRuleAllows(rule: RegistryRule, image: RegistryName): boolean {
  if (rule.kind === 'host') return image.registry === rule.host;
  return `${image.registry}/${image.repository}`.startsWith(rule.prefix);
}

/**
 * Recognises credentials written into manifests: by the name they are stored under (an env var,
 * a ConfigMap key, a key inside a config file) and by the shape of the value (formats whose
 * prefix or structure makes a false positive unlikely). Callers report which detector matched,
 * never the value or any part of it.
 */

export type DetectorId =
  | 'pem-private-key'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'slack-token'
  | 'google-api-key'
  | 'stripe-secret-key'
  | 'jwt'
  | 'url-credentials';

/** How messages name each detector: "holds a PEM private key". */
export const DETECTOR_LABELS: Readonly<Record<DetectorId, string>> = {
  'pem-private-key': 'a PEM private key',
  'aws-access-key-id': 'an AWS access key ID',
  'aws-secret-access-key': 'an AWS secret access key',
  'github-token': 'a GitHub token',
  'slack-token': 'a Slack token',
  'google-api-key': 'a Google API key',
  'stripe-secret-key': 'a Stripe live secret key',
  jwt: 'a JSON Web Token',
  'url-credentials': 'a URL with an embedded password',
};

export interface DetectOptions {
  /**
   * An AWS access key ID sits next to the text (another env var of the same container, another
   * key of the same ConfigMap). A bare 40-character base64 string is an AWS secret key only then.
   */
  readonly awsKeyIdNearby?: boolean;
}

// Each pattern is linear: no nested quantifiers, so a 1 MiB ConfigMap value cannot stall a scan.
const PEM_HEADER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = '-----END';
/** Fewer base64 characters than this between the armour lines is a placeholder such as `...`. */
const MIN_PEM_BODY = 40;
const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g;
const AWS_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const GITHUB_TOKEN = /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/;
const SLACK_TOKEN = /(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9]{4,}(?:-[A-Za-z0-9]+)+/;
const GOOGLE_API_KEY = /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/;
const STRIPE_KEY = /(?<![A-Za-z0-9_])[sr]k_live_[0-9A-Za-z]{24,}(?![0-9A-Za-z])/;
const JWT = /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{4,})\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** Bounded runs keep the scan linear on long unbroken values (hex dumps, base64 blobs). */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,256}:([^\s@/]{1,256})@[^\s@/]/gi;

/** Shorter than the shortest detectable credential (`a://b:c@d`): most env values and flags. */
const MIN_DETECTABLE_LENGTH = 9;

/**
 * The detectors that match `text`, each once, in a fixed order. A substring test guards each
 * pattern, since almost every value scanned matches none of them.
 */
export function detectSecrets(text: string, options: DetectOptions = {}): DetectorId[] {
  const found: DetectorId[] = [];
  if (text.length < MIN_DETECTABLE_LENGTH) return found;
  if (hasPemPrivateKey(text)) found.push('pem-private-key');
  const keyId = containsAwsAccessKeyId(text);
  if (keyId) found.push('aws-access-key-id');
  if ((keyId || options.awsKeyIdNearby === true) && hasAwsSecretKey(text)) found.push('aws-secret-access-key');
  if ((text.includes('gh') || text.includes('github_pat_')) && GITHUB_TOKEN.test(text)) found.push('github-token');
  if (text.includes('xox') && SLACK_TOKEN.test(text)) found.push('slack-token');
  if (text.includes('AIza') && GOOGLE_API_KEY.test(text)) found.push('google-api-key');
  if (text.includes('k_live_') && STRIPE_KEY.test(text)) found.push('stripe-secret-key');
  if (hasJwt(text)) found.push('jwt');
  if (hasUrlCredentials(text)) found.push('url-credentials');
  return found;
}

/** `a PEM private key and a GitHub token`. */
export function describeDetectors(detectors: readonly DetectorId[]): string {
  return joinWords(detectors.map(id => DETECTOR_LABELS[id]));
}

function hasPemPrivateKey(text: string): boolean {
  if (!text.includes('PRIVATE KEY')) return false;
  for (const match of text.matchAll(PEM_HEADER)) {
    const start = match.index + match[0].length;
    const end = text.indexOf(PEM_END, start);
    const body = text.slice(start, end === -1 ? start + 4096 : end);
    if (body.replace(/[^A-Za-z0-9+/]/g, '').length >= MIN_PEM_BODY) return true;
  }
  return false;
}

/** AWS documents its sample credentials with an `EXAMPLE` suffix; they open no account. */
export function containsAwsAccessKeyId(text: string): boolean {
  if (!text.includes('AKIA') && !text.includes('ASIA')) return false;
  for (const match of text.matchAll(AWS_KEY_ID)) if (!match[0].endsWith('EXAMPLE')) return true;
  return false;
}

function hasAwsSecretKey(text: string): boolean {
  for (const match of text.matchAll(AWS_SECRET)) {
    const candidate = match[0];
    // Random base64 of this length mixes cases and digits; a 40-hex SHA-1 or a word run does not.
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /[0-9]/.test(candidate) && !candidate.endsWith('EXAMPLEKEY')) return true;
  }
  return false;
}

function hasJwt(text: string): boolean {
  if (!text.includes('eyJ')) return false;
  for (const match of text.matchAll(JWT)) {
    const header = decodeJsonSegment(match[1] ?? '');
    // A JOSE header always names its algorithm; anything else is base64 that happens to start with eyJ.
    if (header !== undefined && typeof header.alg === 'string') return true;
  }
  return false;
}

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : undefined;
  } catch {
    return undefined;
  }
}

function hasUrlCredentials(text: string): boolean {
  if (!text.includes('://')) return false;
  for (const match of text.matchAll(URL_CREDENTIALS)) {
    if (!isPlaceholder(match[1] ?? '')) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Words that name a credential when they end the name: `DB_PASSWORD`, `clientSecret`. */
const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'passphrase',
  'pass',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'secretkey',
  'secretaccesskey',
  'credential',
  'credentials',
  'creds',
]);

/** Joined spellings (`adminpassword`, `githubtoken`) are recognised by these suffixes. */
const CREDENTIAL_SUFFIXES: readonly string[] = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'privatekey', 'secretkey', 'credentials'];

/** `<qualifier>_KEY` is a secret key; `PUBLIC_KEY`, `ACCESS_KEY` (an ID for S3 and MinIO), `SORT_KEY` are not. */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api',
  'private',
  'secret',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'decryption',
  'decrypt',
  'master',
  'hmac',
  'session',
  'ssh',
  'jwt',
  'account',
  'storage',
  'app',
  'cookie',
  'crypto',
  'shared',
  'service',
  'auth',
  'license',
  'subscription',
  'admin',
  'root',
  'server',
  'client',
  'primary',
  'secondary',
]);

/** Tokens after the credential word that do not change what the name holds: `TOKEN_2`, `KEY_PEM`, `password.txt`. */
const NEUTRAL_SUFFIXES: ReadonlySet<string> = new Set(['b64', 'base64', 'value', 'val', 'raw', 'plain', 'plaintext', 'hex', 'pem', 'txt', 'json', 'yaml', 'yml']);

/** Words before `SECRET` that make the name a reference to a Kubernetes Secret, not a secret. */
const SECRET_REFERENCE_PREFIXES: ReadonlySet<string> = new Set(['existing', 'k8s', 'kube', 'kubernetes', 'sealed']);

/** `dbPassword` → `db`, `password`; `API_KEY_2` → `api`, `key`, `2`; `spring.datasource.password` → ..., `password`. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(token => token !== '');
}

/**
 * True when the name says its value is a credential. The credential word must end the name
 * (after neutral suffixes such as a digit or `_B64`), so names *about* a credential are not
 * credentials: `DB_SECRET_NAME`, `OAUTH_TOKEN_URL`, `DB_PASSWORD_FILE`, `AWS_ACCESS_KEY_ID`,
 * `TOKEN_TTL`, `PASSWORD_MIN_LENGTH`, `MAX_TOKENS`.
 */
export function isCredentialName(name: string): boolean {
  let known = credentialNames.get(name);
  if (known === undefined) {
    // The same names (DB_PASSWORD, LOG_LEVEL) recur in every workload of a large input.
    if (credentialNames.size >= NAME_CACHE_LIMIT) credentialNames.clear();
    known = classifyName(name);
    credentialNames.set(name, known);
  }
  return known;
}

const NAME_CACHE_LIMIT = 10_000;
const credentialNames = new Map<string, boolean>();

function classifyName(name: string): boolean {
  const tokens = nameTokens(name);
  while (tokens.length > 1 && isNeutralSuffix(tokens.at(-1) ?? '')) tokens.pop();
  const last = tokens.at(-1);
  if (last === undefined) return false;
  const previous = tokens.at(-2);
  if (last === 'secret' && previous !== undefined && SECRET_REFERENCE_PREFIXES.has(previous)) return false;
  if (CREDENTIAL_WORDS.has(last)) return true;
  // `PWD` alone is the shell's working directory; `DB_PWD` is a password.
  if (last === 'pwd') return previous !== undefined && previous !== 'old';
  if (last === 'key') {
    if (previous === 'access') return tokens.at(-3) === 'secret';
    return previous !== undefined && KEY_QUALIFIERS.has(previous);
  }
  return CREDENTIAL_SUFFIXES.some(suffix => last.length > suffix.length && last.endsWith(suffix));
}

function isNeutralSuffix(token: string): boolean {
  return NEUTRAL_SUFFIXES.has(token) || /^\d+$/.test(token);
}

// ---------------------------------------------------------------------------------------------
// Values

const BOOLEAN_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'enable', 'disable', '0', '1']);
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set(['redacted', 'replaceme', 'todo', 'tbd', 'none', 'null', 'nil', 'undefined', 'n/a', 'placeholder', 'unset', 'notset']);
/** `$(VAR)`, a Kubernetes dependent env var reference (`$$(VAR)` is an escaped literal). */
const KUBERNETES_REFERENCE = /(?<!\$)\$\([A-Za-z_][A-Za-z0-9_.-]*\)/;
/** `${VAR}` (envsubst, Spring, Compose), `{{ .Values.x }}` (unrendered Helm or Jinja), `<your-token>`. */
const TEMPLATE_PLACEHOLDER = /\$\{[^}]*\}|\{\{[\s\S]*?\}\}|^<[^<>]*>$/;
/** A whole value that is a shell or build-tool variable: `$DB_PASSWORD`, `$(cat /run/secrets/pw)`, `%(pw)s`, `#{Password}#`, `__TOKEN__`. */
const VARIABLE_PLACEHOLDER = /^(?:\$[A-Za-z_]\w*|\$\(.*\)|%\(\w+\)s|%\w+%|#\{[^}]*\}#?|__[A-Z0-9_]+__|@@?[A-Za-z_]\w*@@?)$/;
/** A pointer into a secret manager, resolved by a webhook or the application: Vault, AWS, GCP. */
const SECRET_MANAGER_REFERENCE = /^(?:vault:|arn:aws[a-z-]*:(?:secretsmanager|ssm):|projects\/[^/\s]+\/secrets\/)/;
const ABSOLUTE_PATH = /^(?:\/|~\/|\.{1,2}\/|file:\/\/)[A-Za-z0-9._~\-/]*$/;
const PLAIN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i;

/** A value that only stands for a credential: masked, templated, a variable, a secret-manager reference or a dummy word. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (/^[*xX.#\-_?]+$/.test(trimmed)) return true;
  if (PLACEHOLDER_WORDS.has(trimmed.toLowerCase().replace(/[-_ ]/g, ''))) return true;
  return (
    TEMPLATE_PLACEHOLDER.test(trimmed) ||
    KUBERNETES_REFERENCE.test(trimmed) ||
    VARIABLE_PLACEHOLDER.test(trimmed) ||
    SECRET_MANAGER_REFERENCE.test(trimmed) ||
    /^ENC\(.*\)$/.test(trimmed)
  );
}

/**
 * True when a value stored under a credential name is plausibly the credential itself. Not:
 * empty values, placeholders and references (`$(DB_PASSWORD)`, `${DB_PASSWORD}`, `{{ ... }}`),
 * flags, file paths (`GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/key.json` names where the
 * credential is) and URLs without a password in them.
 */
export function isLiteralSecretValue(value: string): boolean {
  const trimmed = value.trim();
  if (isPlaceholder(trimmed)) return false;
  if (BOOLEAN_WORDS.has(trimmed.toLowerCase())) return false;
  if (ABSOLUTE_PATH.test(trimmed)) return false;
  if (PLAIN_URL.test(trimmed)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Config files

const JSON_PAIR = /"([^"\\\n]{1,120})"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;
const XML_ELEMENT = /<([A-Za-z][\w.-]{0,119})>([^<\n]+)<\/\1>/g;
/** `key = value`, `key: value`, `export KEY=value`: properties, INI, TOML, YAML, dotenv. */
const ASSIGNMENT = /^\s*(?:export\s+)?['"]?([A-Za-z_][\w.\-[\]]{0,119})['"]?\s*[:=]\s*(.*)$/;

/**
 * Keys inside a config file (properties, INI, TOML, YAML, dotenv, JSON, XML) whose name is a
 * credential and whose value is written in the file, in first-seen order.
 */
export function credentialAssignments(text: string): string[] {
  const names: string[] = [];
  const add = (name: string, value: string): void => {
    if (!names.includes(name) && isCredentialName(name) && isLiteralSecretValue(value)) names.push(name);
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || trimmed.startsWith(';')) continue;
    if (trimmed.includes('"')) for (const match of trimmed.matchAll(JSON_PAIR)) add(match[1] ?? '', match[2] ?? '');
    if (trimmed.includes('</')) for (const match of trimmed.matchAll(XML_ELEMENT)) add(match[1] ?? '', match[2] ?? '');
    const assignment = ASSIGNMENT.exec(trimmed);
    const key = assignment?.[1];
    if (key !== undefined && isCredentialName(key)) add(key, assignedValue(assignment?.[2] ?? ''));
  }
  return names;
}

/** The written value of `key: value`: quotes and a trailing comment or comma removed; YAML block and tag markers mean "not on this line". */
function assignedValue(raw: string): string {
  let value = raw.trim();
  if (value === '' || /^[|>]/.test(value) || value.startsWith('!') || value.startsWith('&') || value.startsWith('*')) return '';
  if (value.startsWith('{') || value.startsWith('[')) return '';
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    return close === -1 ? value.slice(1) : value.slice(1, close);
  }
  value = value.replace(/\s+[#;].*$/, '').replace(/,$/, '');
  return value.trim();
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

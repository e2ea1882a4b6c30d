import { detectSecrets, isCredentialName, isLiteralSecretValue } from '../secrets/detectors.js';
import { getArray, getRecord, getString, isRecord, isString } from '../snapshot/guards.js';
import type { ClusterSnapshot } from '../snapshot/snapshot.js';

const MASK = '****';
/** Shorter values ("true", "1") would mask ordinary words; real secrets are longer. */
const MIN_SECRET_LENGTH = 6;
/** Env literals are masked only from this length: short values are flags and words, not credentials. */
const MIN_ENV_SECRET_LENGTH = 8;
/**
 * Secret keys whose values are identifiers or public material, not credentials. Masking them
 * would hide ordinary names everywhere: a `username: postgres` would turn every "postgres" in
 * every message into ****.
 */
const NOT_SECRET_KEY = /^(user(name)?|login|host(name)?|port|database|db(name)?|namespace|endpoint|region|ca\.crt|tls\.crt|service-ca\.crt|ca-bundle\.crt|[\w.-]+\.pub)$/i;

/**
 * Values that must never appear in any output: Secret data (decoded and encoded), and env values
 * and ConfigMap entries that the secret rules would call credentials (the same detectors decide).
 * Rules never quote them; this is the second line of defence.
 */
export function collectSecretValues(snapshot: ClusterSnapshot): readonly string[] {
  const values = new Set<string>();
  const add = (value: string): void => {
    if (value.length >= MIN_SECRET_LENGTH) values.add(value);
    // A key or certificate may surface one line at a time.
    if (value.includes('\n')) for (const line of value.split('\n')) if (line.trim().length >= 16) values.add(line.trim());
  };
  for (const secret of snapshot.ofKind('Secret')) {
    for (const [key, value] of Object.entries(getRecord(secret.body, 'data') ?? {})) {
      if (!isString(value) || NOT_SECRET_KEY.test(key)) continue;
      add(value);
      add(Buffer.from(value, 'base64').toString('utf8'));
    }
    for (const [key, value] of Object.entries(getRecord(secret.body, 'stringData') ?? {})) {
      if (isString(value) && !NOT_SECRET_KEY.test(key)) add(value);
    }
  }
  for (const pod of snapshot.podSpecs) {
    for (const container of pod.containers) {
      for (const variable of getArray(container.body, 'env') ?? []) {
        if (!isRecord(variable)) continue;
        const name = getString(variable, 'name');
        const value = getString(variable, 'value');
        if (name !== undefined && value !== undefined && looksSecret(name, value)) add(value);
      }
    }
  }
  for (const configMap of snapshot.ofKind('ConfigMap')) {
    for (const [name, value] of Object.entries(getRecord(configMap.body, 'data') ?? {})) {
      if (isString(value) && looksSecret(name, value)) add(value);
    }
  }
  // Longest first, so a value containing another is masked whole.
  return [...values].sort((a, b) => b.length - a.length);
}

function looksSecret(name: string, value: string): boolean {
  if (value.length < MIN_ENV_SECRET_LENGTH) return false;
  return (isCredentialName(name) && isLiteralSecretValue(value)) || detectSecrets(value).length > 0;
}

/**
 * A function that masks every collected secret in a text. Secrets are indexed by a rolling hash of
 * their first characters, so each text costs one allocation-free pass over its own length rather
 * than one search per secret (a large cluster holds thousands of secret values and produces tens
 * of thousands of messages).
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  if (secrets.length === 0) return text => text;
  const byPrefix = new Map<number, string[]>();
  for (const secret of secrets) {
    const key = windowHash(secret, 0);
    const list = byPrefix.get(key);
    // `secrets` is sorted longest first, so each list is too: the longest match wins.
    if (list === undefined) byPrefix.set(key, [secret]);
    else list.push(secret);
  }
  return text => {
    if (text.length < MIN_SECRET_LENGTH) return text;
    let result = '';
    let copiedUpTo = 0;
    let at = 0;
    let hash = windowHash(text, 0);
    const last = text.length - MIN_SECRET_LENGTH;
    while (at <= last) {
      const candidates = byPrefix.get(hash);
      const match = candidates?.find(secret => text.startsWith(secret, at));
      if (match !== undefined) {
        result += text.slice(copiedUpTo, at) + MASK;
        at += match.length;
        copiedUpTo = at;
        if (at <= last) hash = windowHash(text, at);
        continue;
      }
      if (at < last) hash = roll(hash, text.charCodeAt(at), text.charCodeAt(at + MIN_SECRET_LENGTH));
      at++;
    }
    return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
  };
}

const BASE = 31;
/** BASE to the power MIN_SECRET_LENGTH - 1, for removing the character that leaves the window. */
const OUTGOING = Math.pow(BASE, MIN_SECRET_LENGTH - 1) | 0;

function windowHash(text: string, from: number): number {
  let hash = 0;
  for (let i = from; i < from + MIN_SECRET_LENGTH; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

function roll(hash: number, outgoing: number, incoming: number): number {
  return (Math.imul(hash - Math.imul(outgoing, OUTGOING), BASE) + incoming) | 0;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isWellFormedDigest } from './image-reference.js';
import {
  defaultPullPolicy,
  parseNormalizedImage,
  parseRegistryRule,
  qualifiedRepository,
  registryRuleAllows,
  splitRegistry,
} from './image-name.js';

const SHA256 = 'sha256:4c0b5d3a9f1e2b7c8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c';

describe('splitRegistry', () => {
  it('puts names without a registry host on Docker Hub, official images under library/', () => {
    assert.deepEqual(splitRegistry('nginx'), { registry: 'docker.io', repository: 'library/nginx', explicit: false });
    assert.deepEqual(splitRegistry('bitnami/redis'), { registry: 'docker.io', repository: 'bitnami/redis', explicit: false });
    assert.deepEqual(splitRegistry('library/nginx'), { registry: 'docker.io', repository: 'library/nginx', explicit: false });
  });

  it('reads a first component with a dot, a colon, localhost or capitals as the registry', () => {
    assert.deepEqual(splitRegistry('ghcr.io/acme/api'), { registry: 'ghcr.io', repository: 'acme/api', explicit: true });
    assert.deepEqual(splitRegistry('localhost/app'), { registry: 'localhost', repository: 'app', explicit: true });
    assert.deepEqual(splitRegistry('registry:5000/app'), { registry: 'registry:5000', repository: 'app', explicit: true });
    assert.deepEqual(splitRegistry('MyRegistry/app'), { registry: 'myregistry', repository: 'app', explicit: true });
  });

  it('normalises the spellings of Docker Hub', () => {
    assert.deepEqual(splitRegistry('docker.io/nginx'), { registry: 'docker.io', repository: 'library/nginx', explicit: true });
    assert.deepEqual(splitRegistry('index.docker.io/bitnami/redis'), { registry: 'docker.io', repository: 'bitnami/redis', explicit: true });
  });
});

describe('qualifiedRepository', () => {
  it('drops tag and digest', () => {
    assert.equal(qualifiedRepository(`nginx:1.27@${SHA256}`).qualified, 'docker.io/library/nginx');
    assert.equal(qualifiedRepository('registry.example.com:443/team/app:1.2').qualified, 'registry.example.com:443/team/app');
  });
});

describe('isWellFormedDigest', () => {
  it('accepts registered algorithms with the exact length', () => {
    assert.ok(isWellFormedDigest(SHA256));
    assert.ok(isWellFormedDigest(`sha512:${'ab'.repeat(64)}`));
  });

  it('rejects short, upper-case and unknown digests', () => {
    assert.ok(!isWellFormedDigest('sha256:4c0b5d3a'));
    assert.ok(!isWellFormedDigest(SHA256.toUpperCase()));
    assert.ok(!isWellFormedDigest(`md5:${'a'.repeat(32)}`));
    assert.ok(!isWellFormedDigest(`${SHA256}0`));
    assert.ok(!isWellFormedDigest(undefined));
  });
});

describe('parseNormalizedImage', () => {
  it('parses valid references', () => {
    assert.deepEqual(parseNormalizedImage('nginx:1.27'), { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: undefined });
    assert.deepEqual(parseNormalizedImage(`ghcr.io/acme/api@${SHA256}`), { registry: 'ghcr.io', repository: 'acme/api', tag: undefined, digest: SHA256 });
    assert.ok(parseNormalizedImage('[::1]:5000/app:v1') !== undefined);
  });

  it('rejects what the reference parser rejects', () => {
    assert.equal(parseNormalizedImage('Nginx'), undefined);
    assert.equal(parseNormalizedImage('registry.example.com/Team/app'), undefined);
    assert.equal(parseNormalizedImage('app:bad tag'), undefined);
    assert.equal(parseNormalizedImage('app@sha256:abc'), undefined);
    assert.equal(parseNormalizedImage('a'.repeat(64)), undefined);
    assert.equal(parseNormalizedImage(''), undefined);
  });
});

describe('defaultPullPolicy', () => {
  it('is Always for latest and for references with neither tag nor digest', () => {
    assert.equal(defaultPullPolicy('nginx'), 'Always');
    assert.equal(defaultPullPolicy('nginx:latest'), 'Always');
    assert.equal(defaultPullPolicy(`nginx:latest@${SHA256}`), 'Always');
  });

  it('is IfNotPresent for other tags, digest-only and unparsable references', () => {
    assert.equal(defaultPullPolicy('nginx:1.27'), 'IfNotPresent');
    assert.equal(defaultPullPolicy('nginx:Latest'), 'IfNotPresent');
    assert.equal(defaultPullPolicy(`nginx@${SHA256}`), 'IfNotPresent');
    assert.equal(defaultPullPolicy('Nginx'), 'IfNotPresent');
  });
});

describe('registry rules', () => {
  const allows = (entry: string, image: string): boolean => registryRuleAllows(parseRegistryRule(entry), qualifiedRepository(image));

  it('matches host entries against the normalised registry only', () => {
    assert.ok(allows('registry.acme.internal', 'registry.acme.internal/team/app:1.0'));
    assert.ok(allows('Registry.Acme.Internal', 'registry.acme.internal/app'));
    assert.ok(!allows('registry.acme.internal', 'registry.acme.internal:5000/app'));
    assert.ok(!allows('registry.acme.internal', 'registry.acme.internal.evil.example/app'));
    assert.ok(allows('docker.io', 'nginx:1.27'));
    assert.ok(allows('index.docker.io', 'bitnami/redis'));
    assert.ok(!allows('ghcr.io', 'nginx'));
  });

  it('matches prefix entries on whole path components', () => {
    assert.ok(allows('ghcr.io/acme/', 'ghcr.io/acme/api:2.0'));
    assert.ok(allows('ghcr.io/acme/', 'ghcr.io/acme/tools/cli:2.0'));
    assert.ok(!allows('ghcr.io/acme/', 'ghcr.io/acme-evil/api:2.0'));
    assert.ok(!allows('ghcr.io/acme/', 'ghcr.io/acme'));
    assert.ok(allows('bitnami/', 'bitnami/redis:7.2'));
    assert.ok(allows('docker.io/bitnami/', 'bitnami/redis:7.2'));
    assert.ok(allows('docker.io/library/', 'nginx'));
    assert.ok(allows('docker.io/', 'nginx'));
    assert.ok(!allows('bitnami/', 'ghcr.io/bitnami/redis'));
  });
});

describe('image-registry-not-allowed with allowedRegistries', () => {
  const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
    - name: a
      image: registry.acme.internal/shop/api:5.2.0
    - name: b
      image: ghcr.io/acme/tools/cli:2.0.0
    - name: c
      image: ghcr.io/acme-forks/cli:2.0.0
    - name: d
      image: nginx:1.27.3
    - name: e
      image: docker.io/bitnami/redis:7.2.5
    - name: f
      image: registry.acme.internal:5000/shop/api:5.2.0
`;

  async function reported(config: string): Promise<string[]> {
    const { parseConfig } = await import('../../config/config.js');
    const { ALL_RULES, findRule } = await import('../index.js');
    const { scanText } = await import('../../../test/helpers/scan-text.js');
    const known = new Map(ALL_RULES.map(rule => [rule.id, rule.optionsSchema]));
    const parsed = await parseConfig(config, 'kubeward.yaml', known);
    assert.ok('config' in parsed, 'error' in parsed ? parsed.error.message : '');
    const rule = findRule('image-registry-not-allowed');
    assert.ok(rule !== undefined);
    const result = await scanText(MANIFEST, { rules: [rule], config: parsed.config });
    return result.findings.map(finding => /container "(\w)"/.exec(finding.message)?.[1] ?? '?');
  }

  it('reports images outside the listed hosts and prefixes', async () => {
    const config = 'rules:\n  image-registry-not-allowed:\n    options:\n      allowedRegistries: [registry.acme.internal, ghcr.io/acme/, bitnami/]\n';
    assert.deepEqual(await reported(config), ['c', 'd', 'f']);
  });

  it('compares normalised names, so docker.io covers short names', async () => {
    const config = 'rules:\n  image-registry-not-allowed:\n    options:\n      allowedRegistries: [docker.io, "registry.acme.internal:5000"]\n';
    assert.deepEqual(await reported(config), ['a', 'b', 'c']);
  });

  it('rejects entries that are neither a host nor a prefix ending in /', async () => {
    const { parseConfig } = await import('../../config/config.js');
    const { ALL_RULES } = await import('../index.js');
    const known = new Map(ALL_RULES.map(rule => [rule.id, rule.optionsSchema]));
    for (const entries of ['[ghcr.io/acme]', '[]', '["has space"]']) {
      const parsed = await parseConfig(`rules:\n  image-registry-not-allowed:\n    options:\n      allowedRegistries: ${entries}\n`, 'kubeward.yaml', known);
      assert.ok('error' in parsed, `${entries} must be rejected`);
    }
  });
});

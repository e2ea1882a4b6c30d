import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isPinnedByDigest, parseImageReference } from './image-reference.js';

const DIGEST = 'sha256:4c0b5d3a9f1e2b7c8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c';

describe('parseImageReference', () => {
  it('splits name and tag', () => {
    assert.deepEqual(parseImageReference('nginx:1.27.3'), { name: 'nginx', tag: '1.27.3', digest: undefined });
    assert.deepEqual(parseImageReference('ghcr.io/acme/api:v2'), { name: 'ghcr.io/acme/api', tag: 'v2', digest: undefined });
  });

  it('reads no tag when there is none', () => {
    assert.deepEqual(parseImageReference('nginx'), { name: 'nginx', tag: undefined, digest: undefined });
    assert.deepEqual(parseImageReference('quay.io/prometheus/node-exporter'), { name: 'quay.io/prometheus/node-exporter', tag: undefined, digest: undefined });
  });

  it('does not mistake a registry port for a tag', () => {
    assert.deepEqual(parseImageReference('localhost:5000/app'), { name: 'localhost:5000/app', tag: undefined, digest: undefined });
    assert.deepEqual(parseImageReference('registry.example.com:443/team/app:1.2'), {
      name: 'registry.example.com:443/team/app',
      tag: '1.2',
      digest: undefined,
    });
    assert.deepEqual(parseImageReference('[::1]:5000/app'), { name: '[::1]:5000/app', tag: undefined, digest: undefined });
  });

  it('separates the digest, with or without a tag', () => {
    assert.deepEqual(parseImageReference(`nginx@${DIGEST}`), { name: 'nginx', tag: undefined, digest: DIGEST });
    assert.deepEqual(parseImageReference(`localhost:5000/app:latest@${DIGEST}`), { name: 'localhost:5000/app', tag: 'latest', digest: DIGEST });
  });

  it('keeps an empty tag empty rather than absent', () => {
    assert.deepEqual(parseImageReference('nginx:'), { name: 'nginx', tag: '', digest: undefined });
  });
});

describe('isPinnedByDigest', () => {
  it('accepts a well-formed digest whatever the tag', () => {
    assert.equal(isPinnedByDigest(parseImageReference(`nginx@${DIGEST}`)), true);
    assert.equal(isPinnedByDigest(parseImageReference(`nginx:latest@${DIGEST}`)), true);
    assert.equal(isPinnedByDigest(parseImageReference(`app@sha512:${'0a'.repeat(64)}`)), true);
  });

  it('rejects a missing, empty or malformed digest', () => {
    assert.equal(isPinnedByDigest(parseImageReference('nginx:1.27.3')), false);
    assert.equal(isPinnedByDigest(parseImageReference('nginx@')), false);
    assert.equal(isPinnedByDigest(parseImageReference('nginx@latest')), false);
    assert.equal(isPinnedByDigest(parseImageReference('nginx@sha256:')), false);
    // The runtime rejects digests of the wrong length or case, so they pin nothing.
    assert.equal(isPinnedByDigest(parseImageReference('nginx@sha256:abc123')), false);
    assert.equal(isPinnedByDigest(parseImageReference(`nginx@sha256:${'A'.repeat(64)}`)), false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubewardConfig } from '../../config/config.js';
import { scanText } from '../../../test/helpers/scan-text.js';
import rule from '../control-plane/kubernetes-version-eol.js';
import type { KubernetesReleaseData } from './kubernetes-releases.js';
import { KUBERNETES_RELEASES } from './kubernetes-releases.js';
import type { Assessment, KubernetesVersion, MissingFix, VersionContext } from './kubernetes-version.js';
import { assessKubernetesVersion, componentImage, parseKubernetesVersion } from './kubernetes-version.js';

function version(text: string): KubernetesVersion {
  const parsed = parseKubernetesVersion(text, { optionalV: true, minorOnly: true });
  assert.ok(parsed !== undefined, `${text} must parse`);
  return parsed;
}

function fixes(assessment: Assessment): readonly MissingFix[] {
  return assessment.kind === 'end-of-life' || assessment.kind === 'missing-fixes' ? assessment.missingFixes : [];
}

const KUBELET_LINUX: VersionContext = { components: ['kubelet'], windows: false };
const KUBELET_WINDOWS: VersionContext = { components: ['kubelet'], windows: true };
const APISERVER: VersionContext = { components: ['kube-apiserver'], windows: undefined };

/** A small made-up table, so these tests do not move when the bundled one is refreshed. */
const TABLE: KubernetesReleaseData = {
  asOf: '2030-01-01',
  minors: [
    { minor: '1.50', released: '2028-01-10', endOfLife: '2029-03-01', finalPatch: '1.50.9' },
    { minor: '1.51', released: '2028-05-10', endOfLife: '2029-07-01' },
    { minor: '1.52', released: '2028-09-10', endOfLife: '2029-11-01' },
  ],
  cves: [
    { id: 'CVE-2028-0001', title: 'kubelet flaw', severity: 'high', components: ['kubelet'], platform: 'any', fixedIn: ['1.50.4', '1.51.2'] },
    { id: 'CVE-2028-0002', title: 'Windows kubelet flaw', severity: 'medium', components: ['kubelet'], platform: 'windows', fixedIn: ['1.51.3'] },
    { id: 'CVE-2028-0003', title: 'API server flaw', severity: 'low', components: ['kube-apiserver'], platform: 'any', fixedIn: ['1.51.5', '1.52.1'] },
  ],
};

describe('parseKubernetesVersion', () => {
  it('reads releases, pre-releases and build metadata', () => {
    assert.deepEqual(parseKubernetesVersion('v1.29.3'), { text: 'v1.29.3', minor: 29, patch: 3, preRelease: undefined, build: undefined, vendorBuild: false });
    assert.deepEqual(parseKubernetesVersion('v1.30.0-rc.1'), { text: 'v1.30.0-rc.1', minor: 30, patch: 0, preRelease: 'rc.1', build: undefined, vendorBuild: false });
    assert.equal(parseKubernetesVersion('v1.28.9+k3s1')?.vendorBuild, false);
    assert.equal(parseKubernetesVersion('v1.30.4+rke2r1')?.vendorBuild, false);
    assert.equal(parseKubernetesVersion('v1.29.2+k0s.0')?.vendorBuild, false);
  });

  it('marks distribution builds whose patch level hides backports', () => {
    for (const text of ['v1.29.15-eks-473151a', 'v1.29.4-gke.1043002', 'v1.27.6+f67aeb3', 'v1.26.5+vmware.2', 'v1.30.9-minimal-eksbuild.3', 'v1.28.5-hotfix.20240411']) {
      assert.equal(parseKubernetesVersion(text)?.vendorBuild, true, text);
    }
  });

  it('requires the v and a patch unless told otherwise', () => {
    assert.equal(parseKubernetesVersion('1.29.3'), undefined);
    assert.equal(parseKubernetesVersion('v1.29'), undefined);
    assert.equal(parseKubernetesVersion('1.29.3', { optionalV: true })?.patch, 3);
    assert.deepEqual(parseKubernetesVersion('1.29', { optionalV: true, minorOnly: true }), {
      text: '1.29',
      minor: 29,
      patch: undefined,
      preRelease: undefined,
      build: undefined,
      vendorBuild: false,
    });
  });

  it('rejects what is not a Kubernetes 1.x release', () => {
    for (const text of ['latest', 'v0.29.7', 'v2.10.1', '3.5.12-0', 'v1.029.1', 'v1.29.3.1', 'v1.29-rc.1', '', 'stable-1.29']) {
      assert.equal(parseKubernetesVersion(text, { optionalV: true, minorOnly: true }), undefined, text);
    }
  });
});

describe('assessKubernetesVersion', () => {
  it('reports end of life from the end-of-life date on, inclusive', () => {
    assert.equal(assessKubernetesVersion(version('v1.50.9'), KUBELET_LINUX, TABLE, '2029-02-28').kind, 'supported');
    assert.deepEqual(assessKubernetesVersion(version('v1.50.9'), KUBELET_LINUX, TABLE, '2029-03-01'), {
      kind: 'end-of-life',
      minor: '1.50',
      endOfLife: '2029-03-01',
      beforeTable: false,
      missingFixes: [],
    });
  });

  it('lists the fixes of the same minor that an end-of-life patch release lacks', () => {
    const assessment = assessKubernetesVersion(version('v1.50.3'), KUBELET_LINUX, TABLE, TABLE.asOf);
    assert.equal(assessment.kind, 'end-of-life');
    assert.deepEqual(
      fixes(assessment).map(fix => [fix.cve.id, fix.fixedIn]),
      [['CVE-2028-0001', '1.50.4']],
    );
  });

  it('treats minors older than the table as end of life, with the oldest date as the bound', () => {
    assert.deepEqual(assessKubernetesVersion(version('v1.19.16'), KUBELET_LINUX, TABLE, TABLE.asOf), {
      kind: 'end-of-life',
      minor: '1.19',
      endOfLife: '2029-03-01',
      beforeTable: true,
      missingFixes: [],
    });
  });

  it('does not judge minors newer than the table, or not yet released on the date', () => {
    assert.deepEqual(assessKubernetesVersion(version('v1.53.0'), KUBELET_LINUX, TABLE, TABLE.asOf), { kind: 'unknown' });
    assert.deepEqual(assessKubernetesVersion(version('v1.52.0'), KUBELET_LINUX, TABLE, '2028-09-01'), { kind: 'unknown' });
    assert.deepEqual(assessKubernetesVersion(version('v1.19.16'), KUBELET_LINUX, TABLE, '2029-01-01'), { kind: 'unknown' });
  });

  it('reports missing fixes of a supported minor, the first fixed patch included', () => {
    const assessment = assessKubernetesVersion(version('v1.51.1'), KUBELET_LINUX, TABLE, '2029-01-01');
    assert.equal(assessment.kind, 'missing-fixes');
    assert.deepEqual(fixes(assessment).map(fix => fix.fixedIn), ['1.51.2']);
    assert.equal(assessKubernetesVersion(version('v1.51.2'), KUBELET_LINUX, TABLE, '2029-01-01').kind, 'supported');
  });

  it('counts a pre-release of the fixed patch as predating the fix', () => {
    assert.equal(assessKubernetesVersion(version('v1.51.2-rc.0'), KUBELET_LINUX, TABLE, '2029-01-01').kind, 'missing-fixes');
  });

  it('applies Windows-only CVEs to known Windows nodes only', () => {
    const windows = assessKubernetesVersion(version('v1.51.2'), KUBELET_WINDOWS, TABLE, '2029-01-01');
    assert.deepEqual(fixes(windows).map(fix => fix.cve.id), ['CVE-2028-0002']);
    assert.equal(assessKubernetesVersion(version('v1.51.2'), { components: ['kubelet'], windows: undefined }, TABLE, '2029-01-01').kind, 'supported');
  });

  it('applies CVEs only to the components they affect', () => {
    const apiserver = assessKubernetesVersion(version('v1.51.1'), APISERVER, TABLE, '2029-01-01');
    assert.deepEqual(fixes(apiserver).map(fix => fix.cve.id), ['CVE-2028-0003']);
    const cluster = assessKubernetesVersion(version('v1.51.1'), { components: ['kubelet', 'kube-apiserver'], windows: undefined }, TABLE, '2029-01-01');
    assert.deepEqual(fixes(cluster).map(fix => fix.cve.id), ['CVE-2028-0001', 'CVE-2028-0003']);
  });

  it('says nothing about a CVE for a minor that got no fix release', () => {
    assert.equal(assessKubernetesVersion(version('v1.52.0'), APISERVER, TABLE, '2029-01-01').kind, 'missing-fixes');
    assert.equal(assessKubernetesVersion(version('v1.52.0'), KUBELET_LINUX, TABLE, '2029-01-01').kind, 'supported');
  });

  it('claims no missing fixes for vendor builds or minor-only versions, but still end of life', () => {
    assert.equal(assessKubernetesVersion(version('v1.51.1-eks-0a1b2c3'), KUBELET_LINUX, TABLE, '2029-01-01').kind, 'supported');
    assert.equal(assessKubernetesVersion(version('1.51'), KUBELET_LINUX, TABLE, '2029-01-01').kind, 'supported');
    assert.equal(assessKubernetesVersion(version('v1.50.1-gke.100'), KUBELET_LINUX, TABLE, TABLE.asOf).kind, 'end-of-life');
  });

  it('judges the bundled table on its own date', () => {
    const { asOf } = KUBERNETES_RELEASES;
    assert.equal(assessKubernetesVersion(version('v1.28.4'), KUBELET_LINUX, KUBERNETES_RELEASES, asOf).kind, 'end-of-life');
    const windows = assessKubernetesVersion(version('v1.28.4'), KUBELET_WINDOWS, KUBERNETES_RELEASES, asOf);
    assert.deepEqual(
      fixes(windows).map(fix => fix.cve.id),
      ['CVE-2024-5321', 'CVE-2024-10220'],
    );
    const apiserver = assessKubernetesVersion(version('v1.28.8'), APISERVER, KUBERNETES_RELEASES, '2024-05-01');
    assert.deepEqual(fixes(apiserver).map(fix => `${fix.cve.id}@${fix.fixedIn}`), ['CVE-2024-3177@1.28.9']);
  });
});

describe('componentImage', () => {
  it('recognises release images under any registry and with arch suffixes', () => {
    assert.deepEqual(componentImage('registry.k8s.io/kube-apiserver'), { name: 'kube-apiserver', components: ['kube-apiserver'] });
    assert.deepEqual(componentImage('harbor.example.com/mirror/k8s/kube-proxy'), { name: 'kube-proxy', components: ['kube-proxy'] });
    assert.deepEqual(componentImage('k8s.gcr.io/kube-scheduler-amd64'), { name: 'kube-scheduler', components: ['kube-scheduler'] });
    assert.equal(componentImage('rancher/hyperkube')?.components.length, 5);
  });

  it('ignores other projects, clients and look-alikes', () => {
    for (const name of ['registry.k8s.io/kubectl', 'registry.k8s.io/coredns/coredns', 'quay.io/brancz/kube-rbac-proxy', 'registry.k8s.io/kube-state-metrics/kube-state-metrics', 'example.com/kube-apiserver-proxy']) {
      assert.equal(componentImage(name), undefined, name);
    }
  });
});

describe('kubernetes-version-eol `version` option', () => {
  const config = (options: Record<string, unknown>): KubewardConfig => ({
    rules: new Map([['kubernetes-version-eol', { enabled: true, options }]]),
    exemptions: [],
    workloads: [],
  });
  const APP = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', ''].join('\n');

  it('judges the declared version once, on the first object of the input', async () => {
    const result = await scanText(APP, { rules: [rule], config: config({ version: '1.28' }) });
    assert.deepEqual(
      result.findings.map(finding => [finding.resource.kind, finding.source?.line, finding.message]),
      [['ConfigMap', 1, 'cluster version 1.28 (the rule\'s `version` option): Kubernetes 1.28 reached end of life on 2024-10-22, so it gets no more security fixes']],
    );
  });

  it('is ignored when an object of the input states a version itself', async () => {
    const node = ['apiVersion: v1', 'kind: Node', 'metadata:', '  name: n1', 'status:', '  nodeInfo:', '    kubeletVersion: v1.37.1', ''].join('\n');
    const result = await scanText(`${APP}---\n${node}`, { rules: [rule], config: config({ version: 'v1.28.4' }) });
    assert.deepEqual(result.findings, []);
  });

  it('reports nothing for a supported version, or without objects to attach to', async () => {
    assert.deepEqual((await scanText(APP, { rules: [rule], config: config({ version: 'v1.37.1' }) })).findings, []);
    assert.deepEqual((await scanText('', { rules: [rule], config: config({ version: 'v1.28.4' }) })).findings, []);
  });

  it('accepts only version strings in kubeward.yaml', async () => {
    const { validateRuleOptions } = await import('../../config/schema.js');
    const schema = rule.optionsSchema;
    for (const good of ['v1.28.4', '1.28.4', '1.28']) assert.equal(validateRuleOptions(schema, { version: good }, []), undefined, good);
    for (const bad of ['1', 'v1.28.4-eks-1', 'latest', 128]) assert.notEqual(validateRuleOptions(schema, { version: bad }, []), undefined, String(bad));
  });
});

describe('kubernetes-version-eol examined objects', () => {
  it('lists the objects that state a version, and the carrier of the `version` option', async () => {
    const node = ['apiVersion: v1', 'kind: Node', 'metadata:', '  name: n1', 'status:', '  nodeInfo:', '    kubeletVersion: v1.28.4', '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', ''].join('\n');
    const plain = await scanText(node, { rules: [rule] });
    assert.deepEqual(plain.examined.get(rule.id)?.map(object => object.kind), ['Node']);
    const options: KubewardConfig = { rules: new Map([[rule.id, { enabled: true, options: { version: '1.29' } }]]), exemptions: [], workloads: [] };
    const declared = await scanText('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n', { rules: [rule], config: options });
    assert.deepEqual(declared.examined.get(rule.id)?.map(object => object.kind), ['Service']);
  });
});

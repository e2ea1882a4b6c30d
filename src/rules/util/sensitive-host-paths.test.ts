import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { classifyHostPath } from './sensitive-host-paths.js';

function within(path: string): string | undefined {
  const exposure = classifyHostPath(path);
  return exposure?.kind === 'within' ? exposure.entry.path : undefined;
}

function contains(path: string): string[] | undefined {
  const exposure = classifyHostPath(path);
  return exposure?.kind === 'contains' ? exposure.entries.map(entry => entry.path) : undefined;
}

function readSafe(path: string): string | undefined {
  const exposure = classifyHostPath(path);
  return exposure?.kind === 'readSafe' ? exposure.entry.path : undefined;
}

describe('classifyHostPath', () => {
  it('finds sensitive paths themselves, in any spelling', () => {
    assert.equal(within('/'), '/');
    assert.equal(within('/etc'), '/etc');
    assert.equal(within('/etc/'), '/etc');
    assert.equal(within('//proc'), '/proc');
    assert.equal(within('/var/lib/kubelet'), '/var/lib/kubelet');
    assert.equal(within('/var/lib/../lib/etcd/'), '/var/lib/etcd');
  });

  it('names the most specific sensitive path a path lies in', () => {
    assert.equal(within('/etc/kubernetes/pki'), '/etc/kubernetes');
    assert.equal(within('/etc/kubernetes/manifests'), '/etc/kubernetes/manifests');
    assert.equal(within('/etc/kubernetes/azure.json'), '/etc/kubernetes/azure.json');
    assert.equal(within('/var/lib/kubelet/pods'), '/var/lib/kubelet');
    assert.equal(within('/root/.aws/credentials'), '/root/.aws');
    assert.equal(within('/home/alice/.config/gcloud'), '/home/*/.config/gcloud');
    assert.equal(within('/home/alice/projects'), '/home');
    assert.equal(within('/usr/local/bin'), '/usr');
    assert.equal(within('/var/log/pods'), '/var/log');
  });

  it('finds directories that contain sensitive paths', () => {
    const underVar = contains('/var') ?? [];
    assert.ok(underVar.includes('/var/lib/kubelet') && underVar.includes('/var/log') && underVar.includes('/var/lib/etcd'));
    assert.equal(underVar[0], '/var/lib/kubelet');
    assert.ok((contains('/var/lib') ?? []).includes('/var/lib/containerd'));
    assert.ok(!(contains('/var/lib') ?? []).includes('/var/log'));
  });

  it('treats time zone, CA bundles and kernel modules as read-safe', () => {
    assert.equal(readSafe('/etc/localtime'), '/etc/localtime');
    assert.equal(readSafe('/usr/share/zoneinfo/Europe/Paris'), '/usr/share/zoneinfo');
    assert.equal(readSafe('/etc/ssl/certs/'), '/etc/ssl/certs');
    assert.equal(readSafe('/lib/modules'), '/lib/modules');
    assert.equal(within('/etc/ssl'), '/etc');
    assert.equal(within('/etc/ssl/private'), '/etc');
  });

  it('leaves other paths, relative paths and runtime sockets alone', () => {
    assert.equal(classifyHostPath('/var/lib/fluent-bit'), undefined);
    assert.equal(classifyHostPath('/opt/data'), undefined);
    assert.equal(classifyHostPath('/mnt/disks/ssd0'), undefined);
    assert.equal(classifyHostPath('/run'), undefined);
    assert.equal(classifyHostPath('/var/run'), undefined);
    assert.equal(classifyHostPath('/var/run/docker.sock'), undefined);
    assert.equal(classifyHostPath('/etcetera'), undefined);
    assert.equal(classifyHostPath('/variable'), undefined);
    assert.equal(classifyHostPath('etc'), undefined);
    assert.equal(classifyHostPath('/home-backup'), undefined);
  });
});

describe('classifyHostPath spelling of the match', () => {
  it('spells the matched entry for the path, with the user it names', () => {
    const exposure = classifyHostPath('/home/alice/.aws/credentials');
    assert.ok(exposure?.kind === 'within');
    assert.equal(exposure.matched, '/home/alice/.aws');
    assert.equal(exposure.exact, false);
    const exact = classifyHostPath('/var/lib/kubelet/');
    assert.ok(exact?.kind === 'within');
    assert.equal(exact.matched, '/var/lib/kubelet');
    assert.equal(exact.exact, true);
  });
});

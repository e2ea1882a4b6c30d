import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { exposedRuntimeSockets, normalizeHostPath } from './host-path.js';

function runtimes(path: string): string[] {
  return exposedRuntimeSockets(path).map(entry => entry.socket.runtime);
}

function exact(path: string): boolean[] {
  return exposedRuntimeSockets(path).map(entry => entry.exact);
}

describe('normalizeHostPath', () => {
  it('folds double slashes, dot segments and trailing slashes', () => {
    assert.equal(normalizeHostPath('//run//containerd/'), '/run/containerd');
    assert.equal(normalizeHostPath('/opt/../run/./crio/crio.sock'), '/run/crio/crio.sock');
    assert.equal(normalizeHostPath('/'), '/');
    assert.equal(normalizeHostPath('///'), '/');
  });

  it('reads /var/run as /run', () => {
    assert.equal(normalizeHostPath('/var/run'), '/run');
    assert.equal(normalizeHostPath('/var/run/'), '/run');
    assert.equal(normalizeHostPath('/var/run/docker.sock'), '/run/docker.sock');
    assert.equal(normalizeHostPath('/var/running'), '/var/running');
  });

  it('leaves relative paths relative', () => {
    assert.equal(normalizeHostPath('run/docker.sock'), 'run/docker.sock');
  });
});

describe('exposedRuntimeSockets', () => {
  it('finds a socket under either spelling of /run', () => {
    assert.deepEqual(runtimes('/var/run/docker.sock'), ['Docker']);
    assert.deepEqual(runtimes('/run/docker.sock'), ['Docker']);
    assert.deepEqual(exact('/var/run/docker.sock'), [true]);
    assert.deepEqual(runtimes('/var/run/crio/crio.sock'), ['CRI-O']);
    assert.deepEqual(runtimes('/run/k3s/containerd/containerd.sock'), ['containerd (k3s, RKE2)']);
    assert.deepEqual(runtimes('/var/run/cri-dockerd.sock'), ['cri-dockerd']);
  });

  it('finds sockets through unnormalised spellings', () => {
    assert.deepEqual(runtimes('/var/run//docker.sock'), ['Docker']);
    assert.deepEqual(runtimes('/var/lib/../run/containerd/containerd.sock/'), ['containerd']);
  });

  it('finds sockets inside mounted directories', () => {
    assert.deepEqual(runtimes('/run/containerd'), ['containerd']);
    assert.deepEqual(exact('/run/containerd'), [false]);
    assert.deepEqual(runtimes('/var/run/crio/'), ['CRI-O']);
    assert.deepEqual(runtimes('/var/run/docker'), ['containerd (managed by Docker)']);
    assert.deepEqual(runtimes('/run/k3s'), ['containerd (k3s, RKE2)']);
  });

  it('counts /var, /run and / as holding every socket below them', () => {
    const underRun = runtimes('/run');
    assert.ok(underRun.includes('Docker') && underRun.includes('containerd') && underRun.includes('CRI-O'));
    assert.ok(!underRun.includes('containerd (MicroK8s)'));
    assert.deepEqual(runtimes('/var/run'), underRun);
    assert.deepEqual(runtimes('/var/'), runtimes('/'));
    assert.ok(runtimes('/var').includes('containerd (MicroK8s)'));
    assert.equal(runtimes('/').length, exposedRuntimeSockets('/').length);
  });

  it('ignores paths that only look similar', () => {
    assert.deepEqual(runtimes('/var/lib/docker'), []);
    assert.deepEqual(runtimes('/run/docker.sock.bak'), []);
    assert.deepEqual(runtimes('/run/containerd-data'), []);
    assert.deepEqual(runtimes('/var/log'), []);
    assert.deepEqual(runtimes('/home/user/run/docker.sock'), []);
    assert.deepEqual(runtimes('run/docker.sock'), []);
  });
});

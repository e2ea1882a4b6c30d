import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { JsonRecord } from '../../snapshot/guards.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';
import { sshServerEvidence } from './ssh-server.js';

function container(body: JsonRecord): ContainerView {
  return { type: 'container', name: 'c', path: ['spec', 'containers', 0], body, securityContext: undefined };
}

function evidence(body: JsonRecord): string[] {
  return sshServerEvidence(container({ image: 'registry.example.com/app:1.0', ...body })).map(item => `${item.kind}: ${item.text}`);
}

describe('sshServerEvidence', () => {
  it('finds an SSH daemon run directly, by command or by args', () => {
    assert.deepEqual(evidence({ command: ['/usr/sbin/sshd', '-D', '-e'] }), ['command: runs /usr/sbin/sshd']);
    assert.deepEqual(evidence({ command: ['dropbear', '-F'] }), ['command: runs dropbear']);
    assert.deepEqual(evidence({ args: ['/usr/sbin/sshd', '-D'] }), ["command: runs /usr/sbin/sshd through the image's entrypoint"]);
    assert.deepEqual(evidence({ command: ['C:\\OpenSSH\\sshd.exe'] }), ['command: runs C:\\OpenSSH\\sshd.exe']);
  });

  it('finds an SSH daemon started from a shell script', () => {
    assert.deepEqual(evidence({ command: ['/bin/sh', '-c', 'ssh-keygen -A && exec /usr/sbin/sshd -D'] }), ['command: starts sshd from its sh script']);
    assert.deepEqual(evidence({ command: ['bash', '-ec'], args: ['service ssh start; sleep infinity'] }), ['command: starts the SSH service from its bash script']);
    assert.deepEqual(evidence({ args: ['sh', '-c', '/etc/init.d/sshd start && tail -f /dev/null'] }), [
      "command: starts sshd from its sh script through the image's entrypoint",
    ]);
  });

  it('ignores commands that only mention SSH', () => {
    assert.deepEqual(evidence({ command: ['ssh', '-N', 'tunnel@bastion'] }), []);
    assert.deepEqual(evidence({ command: ['sh', '-c', 'cat /etc/ssh/sshd_config'] }), []);
    assert.deepEqual(evidence({ command: ['sh', '-c', 'ssh-keyscan github.com >> known_hosts'] }), []);
    assert.deepEqual(evidence({ command: ['/app/server'], args: ['--sshd-compat'] }), []);
    assert.deepEqual(evidence({ command: ['sh'], args: ['sshd'] }), []);
  });

  it('finds images named after an SSH server', () => {
    assert.deepEqual(evidence({ image: 'lscr.io/linuxserver/openssh-server:9.7_p1' }), [
      'image: uses image "lscr.io/linuxserver/openssh-server:9.7_p1", named after an SSH server',
    ]);
    assert.equal(evidence({ image: 'panubo/sshd:1.9.0' }).length, 1);
    assert.equal(evidence({ image: 'rastasheep/ubuntu-sshd:18.04' }).length, 1);
    assert.deepEqual(evidence({ image: 'registry.example.com/sshd-tools/cli:1.0' }), []);
    assert.deepEqual(evidence({ image: 'alpine/openssh-client:9.7' }), []);
    assert.deepEqual(evidence({ image: 'registry.example.com/sshdog:1.0' }), []);
  });

  it('finds TCP ports 22 and 2222 but not UDP', () => {
    assert.deepEqual(evidence({ ports: [{ containerPort: 8080 }, { containerPort: 22 }] }), ['port: declares containerPort 22, the SSH port']);
    assert.deepEqual(evidence({ ports: [{ containerPort: 2222, protocol: 'TCP' }] }), ['port: declares containerPort 2222, a common alternative SSH port']);
    assert.deepEqual(evidence({ ports: [{ containerPort: 22, protocol: 'UDP' }] }), []);
  });

  it('lists every kind of evidence, strongest first', () => {
    assert.deepEqual(
      evidence({ image: 'panubo/sshd:1.9.0', command: ['/usr/sbin/sshd', '-D'], ports: [{ containerPort: 22 }] }).map(item => item.split(':')[0]),
      ['command', 'image', 'port'],
    );
  });
});

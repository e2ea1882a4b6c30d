import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { JsonRecord } from '../../snapshot/guards.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { extractPodSpec } from '../../snapshot/pod-spec.js';
import { containerPorts, unprivilegedPortStart } from './container-ports.js';

function pod(spec: JsonRecord): PodSpecView {
  const object = toKubeObject({ body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec } });
  assert.ok(typeof object !== 'string');
  const view = extractPodSpec(object, 'default', []);
  assert.ok(view !== undefined);
  return view;
}

function sysctl(name: string, value: unknown, extra: JsonRecord = {}): PodSpecView {
  return pod({ containers: [{ name: 'c', image: 'app:1' }], securityContext: { sysctls: [{ name, value }] }, ...extra });
}

describe('containerPorts', () => {
  it('applies the TCP default and drops invalid port numbers', () => {
    const view = pod({
      containers: [
        {
          name: 'c',
          image: 'app:1',
          ports: [{ containerPort: 80, hostPort: 0 }, { containerPort: 53, protocol: 'UDP', hostPort: 53 }, { containerPort: 70000 }, 'junk'],
        },
      ],
    });
    const [container] = view.containers;
    assert.ok(container !== undefined);
    assert.deepEqual(
      containerPorts(container).map(port => [port.containerPort, port.hostPort, port.protocol, port.path.at(-1)]),
      [
        [80, undefined, 'TCP', 0],
        [53, 53, 'UDP', 1],
        [undefined, undefined, 'TCP', 2],
      ],
    );
  });
});

describe('unprivilegedPortStart', () => {
  it('reads the sysctl in either spelling', () => {
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4.ip_unprivileged_port_start', '0'))?.value, 0);
    assert.equal(unprivilegedPortStart(sysctl('net/ipv4/ip_unprivileged_port_start', '80'))?.value, 80);
    assert.deepEqual(unprivilegedPortStart(sysctl('net.ipv4.ip_unprivileged_port_start', '443'))?.path, ['spec', 'securityContext', 'sysctls', 0, 'value']);
  });

  it('ignores invalid values, other sysctls and hostNetwork pods', () => {
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4.ip_unprivileged_port_start', 0)), undefined);
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4.ip_unprivileged_port_start', 'low')), undefined);
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4.ip_unprivileged_port_start', '99999')), undefined);
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4.ip_local_port_range', '0')), undefined);
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4.ip_unprivileged_port_start', '0', { hostNetwork: true })), undefined);
    assert.equal(unprivilegedPortStart(pod({ containers: [{ name: 'c', image: 'app:1' }] })), undefined);
  });
});

describe('unprivilegedPortStart spelling', () => {
  it('does not accept a name that mixes separators after a dot', () => {
    assert.equal(unprivilegedPortStart(sysctl('net.ipv4/ip_unprivileged_port_start', '0')), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dottedSysctlName, isInjectedSysctlValue, SAFE_SYSCTLS, sysctlNamespace } from './safe-sysctls.js';

describe('SAFE_SYSCTLS', () => {
  it('holds the baseline safe set of policy version 1.32 with the version that added each', () => {
    assert.equal(SAFE_SYSCTLS.size, 12);
    assert.equal(SAFE_SYSCTLS.get('net.ipv4.ip_unprivileged_port_start'), '1.0');
    assert.equal(SAFE_SYSCTLS.get('net.ipv4.ip_local_reserved_ports'), '1.27');
    assert.equal(SAFE_SYSCTLS.get('net.ipv4.tcp_keepalive_time'), '1.29');
    assert.equal(SAFE_SYSCTLS.get('net.ipv4.tcp_rmem'), '1.32');
    assert.equal(SAFE_SYSCTLS.has('net.core.somaxconn'), false);
  });
});

describe('dottedSysctlName', () => {
  it('leaves dotted names alone, even when a segment holds a slash', () => {
    assert.equal(dottedSysctlName('kernel.shm_rmid_forced'), 'kernel.shm_rmid_forced');
    assert.equal(dottedSysctlName('net.ipv4.conf.eno2/100.rp_filter'), 'net.ipv4.conf.eno2/100.rp_filter');
  });

  it('swaps slashes and dots when the first separator is a slash, as the kubelet does', () => {
    assert.equal(dottedSysctlName('kernel/shm_rmid_forced'), 'kernel.shm_rmid_forced');
    assert.equal(dottedSysctlName('net/ipv4/conf/eno2.100/rp_filter'), 'net.ipv4.conf.eno2/100.rp_filter');
  });

  it('returns names without a separator unchanged', () => {
    assert.equal(dottedSysctlName('kernel'), 'kernel');
    assert.equal(dottedSysctlName(''), '');
  });
});

describe('sysctlNamespace', () => {
  it('classifies IPC and network sysctls as namespaced', () => {
    assert.equal(sysctlNamespace('kernel.sem'), 'ipc');
    assert.equal(sysctlNamespace('kernel.shmmax'), 'ipc');
    assert.equal(sysctlNamespace('kernel.msgmax'), 'ipc');
    assert.equal(sysctlNamespace('fs.mqueue.msg_max'), 'ipc');
    assert.equal(sysctlNamespace('net.core.somaxconn'), 'net');
  });

  it('treats everything else as node-wide', () => {
    assert.equal(sysctlNamespace('kernel.core_pattern'), undefined);
    assert.equal(sysctlNamespace('kernel.semx'), undefined);
    assert.equal(sysctlNamespace('vm.overcommit_memory'), undefined);
    assert.equal(sysctlNamespace('fs.mqueue'), undefined);
    assert.equal(sysctlNamespace('network.foo'), undefined);
  });
});

describe('isInjectedSysctlValue', () => {
  it('spots a second key=value pair after a plus (CVE-2022-0811)', () => {
    assert.equal(isInjectedSysctlValue('1+kernel.core_pattern=|/tmp/x'), true);
    assert.equal(isInjectedSysctlValue('0+a=b'), true);
  });

  it('accepts ordinary values', () => {
    assert.equal(isInjectedSysctlValue('1024 65535'), false);
    assert.equal(isInjectedSysctlValue('4096 87380 16777216'), false);
    assert.equal(isInjectedSysctlValue('a=b'), false);
    assert.equal(isInjectedSysctlValue('1+2'), false);
  });
});

/**
 * The sysctls the Pod Security Standards baseline profile allows, with the policy version that
 * added each (`k8s.io/pod-security-admission/policy/check_sysctls.go`). The kubelet's built-in
 * safe list grew in the same releases.
 */
export const SAFE_SYSCTLS: ReadonlyMap<string, string> = new Map([
  ['kernel.shm_rmid_forced', '1.0'],
  ['net.ipv4.ip_local_port_range', '1.0'],
  ['net.ipv4.tcp_syncookies', '1.0'],
  ['net.ipv4.ping_group_range', '1.0'],
  ['net.ipv4.ip_unprivileged_port_start', '1.0'],
  ['net.ipv4.ip_local_reserved_ports', '1.27'],
  ['net.ipv4.tcp_keepalive_time', '1.29'],
  ['net.ipv4.tcp_fin_timeout', '1.29'],
  ['net.ipv4.tcp_keepalive_intvl', '1.29'],
  ['net.ipv4.tcp_keepalive_probes', '1.29'],
  ['net.ipv4.tcp_rmem', '1.32'],
  ['net.ipv4.tcp_wmem', '1.32'],
]);

/**
 * The dotted form of a sysctl name, as the kubelet converts it (sysctl.d(5)): when the first
 * separator is a slash, slashes and dots swap, so `net/ipv4/conf/eth0.100/forwarding` is
 * `net.ipv4.conf.eth0/100.forwarding`. Names already using dots are unchanged.
 */
export function dottedSysctlName(name: string): string {
  const first = name.search(/[./]/);
  if (first === -1 || name[first] === '.') return name;
  let converted = '';
  for (const char of name) converted += char === '/' ? '.' : char === '.' ? '/' : char;
  return converted;
}

/**
 * The kernel namespace that isolates a sysctl per pod, as the kubelet classifies them
 * (`k8s.io/component-helpers/node/util/sysctl`), or undefined when it is node-wide. Only
 * namespaced sysctls can be allowed on a node with `--allowed-unsafe-sysctls`.
 */
export function sysctlNamespace(dottedName: string): 'ipc' | 'net' | undefined {
  if (dottedName === 'kernel.sem' || dottedName.startsWith('kernel.shm') || dottedName.startsWith('kernel.msg') || dottedName.startsWith('fs.mqueue.')) {
    return 'ipc';
  }
  if (dottedName.startsWith('net.')) return 'net';
  return undefined;
}

/**
 * True for a value that smuggles a further setting through CRI-O's sysctl helper (CVE-2022-0811,
 * "cr8escape"): unpatched CRI-O handed all sysctls to `pinns` as one `+`-separated list of
 * `key=value` pairs, so the value `1+kernel.core_pattern=|/x` also set a node-wide sysctl.
 */
export function isInjectedSysctlValue(value: string): boolean {
  const plus = value.indexOf('+');
  return plus !== -1 && value.includes('=', plus);
}

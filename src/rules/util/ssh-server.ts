import type { Path } from '../../load/path.js';
import { asArray, getString, isString, own } from '../../snapshot/guards.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';
import { containerPorts } from './container-ports.js';
import { parseImageReference } from './image-reference.js';

/** What in the manifest points to an SSH server, and where it is written. */
export interface SshEvidence {
  readonly kind: 'command' | 'image' | 'port';
  readonly path: Path;
  /** Completes "container "x" ...": `runs /usr/sbin/sshd`, `declares containerPort 22`. */
  readonly text: string;
}

const DAEMONS = new Set(['sshd', 'dropbear', 'dropbearmulti']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

/** `/usr/sbin/sshd` → `sshd`; `C:\OpenSSH\sshd.exe` → `sshd`. */
function programName(word: string): string {
  const base = word.split(/[/\\]/).pop() ?? word;
  return base.toLowerCase().endsWith('.exe') ? base.slice(0, -4) : base;
}

/** An SSH daemon started as a command word in a shell script, or through the init system. */
const SCRIPT_DAEMON = /(?:^|[\s;&|(`])(?:\S*\/)?(sshd|dropbear)(?=$|[\s;&|)`])/;
const SCRIPT_SERVICE = /(?:^|[\s;&|(`])(?:(?:rc-)?service\s+sshd?\s+(?:start|restart)|(?:\S*\/)?init\.d\/sshd?\s+(?:start|restart)|systemctl\s+(?:start|restart)\s+sshd?(?:\.service)?)(?=$|[\s;&|)`])/;

/** The daemon a shell script starts, if any. */
function scriptStarts(script: string): string | undefined {
  const daemon = SCRIPT_DAEMON.exec(script);
  if (daemon !== null) return daemon[1];
  return SCRIPT_SERVICE.test(script) ? 'the SSH service' : undefined;
}

interface Word {
  readonly value: string;
  readonly path: Path;
}

function words(container: ContainerView, field: 'command' | 'args'): Word[] {
  const list = asArray(own(container.body, field)) ?? [];
  const result: Word[] = [];
  for (const [index, value] of list.entries()) {
    if (isString(value)) result.push({ value, path: [...container.path, field, index] });
  }
  return result;
}

/**
 * An SSH daemon the container's process line starts: the program itself (`/usr/sbin/sshd -D`),
 * or a `sh -c` script that runs it. `command` replaces the image's entrypoint and `args` follow
 * it; with `args` alone the image's entrypoint runs them, which the manifest does not show.
 */
function commandEvidence(container: ContainerView): SshEvidence | undefined {
  const command = words(container, 'command');
  const args = words(container, 'args');
  const argv = command.length > 0 ? [...command, ...args] : args;
  const viaEntrypoint = command.length === 0 ? " through the image's entrypoint" : '';
  const first = argv[0];
  if (first === undefined) return undefined;
  const program = programName(first.value);
  if (DAEMONS.has(program)) {
    return { kind: 'command', path: first.path, text: `runs ${first.value}${viaEntrypoint}` };
  }
  if (!SHELLS.has(program)) return undefined;
  // `sh -c 'script'`, `bash -ec 'script'`, `busybox sh -c 'script'`: the script follows the first -c option.
  const flag = argv.findIndex((word, index) => index > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(word.value));
  const script = flag === -1 ? undefined : argv[flag + 1];
  if (script === undefined) return undefined;
  const daemon = scriptStarts(script.value);
  if (daemon === undefined) return undefined;
  return { kind: 'command', path: script.path, text: `starts ${daemon} from its ${program} script${viaEntrypoint}` };
}

/** Image repositories named after an SSH server: `linuxserver/openssh-server`, `panubo/sshd`. */
function imageEvidence(container: ContainerView): SshEvidence | undefined {
  const image = getString(container.body, 'image');
  if (image === undefined || image === '') return undefined;
  const repository = parseImageReference(image).name.split('/').pop() ?? '';
  const tokens = repository.toLowerCase().split(/[-_.]+/);
  const named = repository.toLowerCase().includes('openssh-server') || tokens.some(token => token === 'sshd' || token === 'dropbear');
  if (!named) return undefined;
  return { kind: 'image', path: [...container.path, 'image'], text: `uses image "${image}", named after an SSH server` };
}

const SSH_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'the SSH port'],
  [2222, 'a common alternative SSH port'],
]);

/** TCP containerPort 22 or 2222 (UDP on those ports is not SSH). */
function portEvidence(container: ContainerView): SshEvidence | undefined {
  for (const port of containerPorts(container)) {
    if (port.containerPort === undefined || port.protocol !== 'TCP') continue;
    const label = SSH_PORTS.get(port.containerPort);
    if (label !== undefined) {
      return { kind: 'port', path: [...port.path, 'containerPort'], text: `declares containerPort ${String(port.containerPort)}, ${label}` };
    }
  }
  return undefined;
}

/** Everything in the container's manifest that points to an SSH server, strongest first. */
export function sshServerEvidence(container: ContainerView): SshEvidence[] {
  return [commandEvidence(container), imageEvidence(container), portEvidence(container)].filter(
    (evidence): evidence is SshEvidence => evidence !== undefined,
  );
}

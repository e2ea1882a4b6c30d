import { getRecord, getStringMap, hasOwn, own } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';
import type { PssVersion } from '../util/pss-versions.js';
import {
  ENFORCE_LABEL,
  ENFORCE_VERSION_LABEL,
  LATEST_PSS_VERSION,
  changesMissed,
  formatPssVersion,
  isOlderVersion,
  parsePssLevel,
  parsePssVersion,
} from '../util/pss-versions.js';

const VERSION_PATTERN = '^(latest|v1\\.([0-9]|[1-9][0-9]*))$';

function minimumVersion(options: Readonly<Record<string, unknown>>): PssVersion {
  const value = own(options, 'minimumVersion');
  const parsed = typeof value === 'string' ? parsePssVersion(value) : undefined;
  return parsed ?? parsePssVersion(LATEST_PSS_VERSION) ?? { latest: true };
}

export default defineRule({
  id: 'namespace-pss-version-pinned',
  title: 'Namespace pins an old Pod Security Standards version',
  severity: 'low',
  category: 'namespace',
  description:
    '`pod-security.kubernetes.io/enforce-version` freezes the checks Pod Security admission applies to the version named. A namespace pinned to an old version never gets checks added since (restricted gained runAsUser in v1.23, baseline gained host probes and lifecycle hooks in v1.34), however often the cluster is upgraded. A value that is neither `latest` nor `v1.<minor>` makes the admission plugin reject the Namespace.',
  remediation:
    'Remove `pod-security.kubernetes.io/enforce-version` or set it to `latest`, after checking with `kubectl label --dry-run=server` that existing pods pass. Pin a version only while migrating, and move the pin forward with each upgrade.',
  frameworks: {
    cis: ['5.2.1'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
  },
  equivalents: {},
  fixable: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minimumVersion: {
        type: 'string',
        pattern: VERSION_PATTERN,
        description: `Oldest acceptable enforce-version, "v1.<minor>" or "latest"; default ${LATEST_PSS_VERSION}, the newest policy version that changed a check.`,
      },
    },
  },
  target: 'object',
  kinds: ['Namespace'],
  check(object, context) {
    if (!isBuiltIn(object, 'Namespace')) return;
    const metadata = getRecord(object.body, 'metadata');
    const labelRecord = getRecord(metadata, 'labels');
    if (!hasOwn(labelRecord, ENFORCE_VERSION_LABEL)) return;
    const labels = getStringMap(metadata, 'labels');
    const path = ['metadata', 'labels', ENFORCE_VERSION_LABEL];
    const name = object.name === '' ? '<unnamed>' : object.name;
    // A null label value decodes as the empty string.
    const value = labelRecord === undefined ? undefined : own(labelRecord, ENFORCE_VERSION_LABEL);
    const raw = value === null ? '' : value;
    if (typeof raw !== 'string') {
      context.report(
        object,
        path,
        `Namespace "${name}" gives ${ENFORCE_VERSION_LABEL} a non-string value (an unquoted v1.30 is fine, an unquoted 1.30 is a number): the API server rejects the Namespace, because label values must be strings`,
      );
      return;
    }
    const version = parsePssVersion(raw);
    if (version === undefined) {
      context.report(
        object,
        path,
        `Namespace "${name}" sets ${ENFORCE_VERSION_LABEL}: "${raw}", which is neither "latest" nor "v1.<minor>": Pod Security admission rejects the Namespace on create and on any change to the label, and evaluates pods of an existing one against the latest policy`,
      );
      return;
    }
    if (version.latest) return;
    const enforced = labels.get(ENFORCE_LABEL);
    const level = enforced === undefined ? undefined : parsePssLevel(enforced);
    // The privileged level checks nothing in any version; an invalid level is evaluated as restricted.
    if (level === 'privileged') return;
    const minimum = minimumVersion(context.options);
    if (!isOlderVersion(version, minimum)) return;
    const missed = changesMissed(version.minor, minimum, level === 'baseline' ? 'baseline' : enforced === undefined ? undefined : 'restricted');
    const tightened = missed.filter(change => change.effect === 'tightened');
    const detail =
      tightened.length > 0
        ? `checks added since are not enforced: ${tightened.map(change => change.summary).join('; ')}`
        : missed.length > 0
          ? `it does not follow later policy changes: ${missed.map(change => change.summary).join('; ')}`
          : 'it does not follow policy changes made after it';
    const levelNote = enforced === undefined ? ' for the cluster-default level' : '';
    context.report(
      object,
      path,
      `Namespace "${name}" pins Pod Security enforcement${levelNote} to ${formatPssVersion(version)}, older than ${formatPssVersion(minimum)}: ${detail}`,
    );
  },
});

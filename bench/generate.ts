/**
 * Deterministic benchmark corpus: a realistic mix of Kubernetes manifests spread over tenant and
 * namespace directories, 20–60 objects per file, some files Helm-rendered (`# Source:` comments),
 * some `kind: List` JSON. The same size and generator version always give byte-identical files.
 *
 *   node --import tsx bench/generate.ts 1k 10k 100k
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { dump } from 'js-yaml';

/** Bump whenever the output changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1;
const SEED = 0x6b756265; // "kube"

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = join(BENCH_DIR, '.corpus');

export interface CorpusInfo {
  readonly generatorVersion: number;
  readonly size: string;
  readonly dir: string;
  readonly objects: number;
  readonly documents: number;
  readonly files: number;
  readonly yamlFiles: number;
  readonly helmFiles: number;
  readonly jsonFiles: number;
  readonly bytes: number;
  readonly namespaces: number;
  readonly kinds: Readonly<Record<string, number>>;
}

/** `1k` → 1000, `100k` → 100000, `2500` → 2500. */
export function parseSize(text: string): number {
  const match = /^(\d+)(k|m)?$/i.exec(text.trim());
  if (match?.[1] === undefined) throw new Error(`bad corpus size "${text}" (expected e.g. 1k, 10k, 100k)`);
  const unit = match[2]?.toLowerCase();
  return Number(match[1]) * (unit === 'k' ? 1000 : unit === 'm' ? 1_000_000 : 1);
}

/** The corpus for `size`, generated unless a cached copy from this generator version exists. */
export function ensureCorpus(size: string, log: (line: string) => void = () => undefined): CorpusInfo {
  const dir = join(CORPUS_ROOT, size);
  // Beside the directory, not in it: kubeward reads every .json file below the directory it scans.
  const stampPath = join(CORPUS_ROOT, `${size}.json`);
  if (existsSync(stampPath)) {
    const cached = JSON.parse(readFileSync(stampPath, 'utf8')) as CorpusInfo;
    if (cached.generatorVersion === GENERATOR_VERSION && cached.size === size) return { ...cached, dir };
  }
  log(`generating corpus ${size} in ${dir} ...`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampPath, { force: true });
  const info = generateCorpus(parseSize(size), size, dir);
  writeFileSync(stampPath, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, and the same on every platform. */
class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = choices.at(-1);
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  token(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Object factories

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Obj = Record<string, Json>;

interface AppContext {
  readonly namespace: string;
  readonly tenant: string;
  readonly app: string;
  readonly helm: { readonly chart: string; readonly release: string } | undefined;
}

const WORDS = [
  'api', 'web', 'worker', 'auth', 'billing', 'search', 'cart', 'checkout', 'catalog', 'gateway', 'ledger', 'mailer',
  'notifier', 'orders', 'payments', 'profile', 'queue', 'ranker', 'reports', 'scheduler', 'session', 'storage',
  'stream', 'sync', 'thumbnails', 'tracker', 'uploader', 'users', 'vault-agent', 'metrics', 'ingest', 'export',
];
const REGISTRIES = ['registry.example.com/platform', 'ghcr.io/acme', 'docker.io/library', 'quay.io/acme', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'];
const BASE_IMAGES = ['nginx', 'redis', 'postgres', 'busybox', 'alpine', 'python', 'node', 'envoy', 'fluent-bit', 'golang'];
const ENV_NAMES = [
  'LOG_LEVEL', 'PORT', 'HTTP_TIMEOUT', 'FEATURE_FLAGS', 'REGION', 'CACHE_TTL', 'MAX_CONNECTIONS', 'OTEL_EXPORTER_OTLP_ENDPOINT',
  'DATABASE_HOST', 'DATABASE_NAME', 'QUEUE_URL', 'JAVA_OPTS', 'GOMAXPROCS', 'TZ', 'SENTRY_ENVIRONMENT',
];

function labels(ctx: AppContext, component: string): Obj {
  const base: Obj = {
    'app.kubernetes.io/name': ctx.app,
    'app.kubernetes.io/instance': ctx.helm?.release ?? ctx.app,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': ctx.tenant,
  };
  if (ctx.helm !== undefined) {
    base['app.kubernetes.io/managed-by'] = 'Helm';
    base['helm.sh/chart'] = `${ctx.helm.chart}-1.${String(ctx.app.length % 9)}.0`;
  }
  return base;
}

function metadata(ctx: AppContext, name: string, component: string, rng: Random, extra: Obj = {}): Obj {
  const meta: Obj = { name, namespace: ctx.namespace, labels: labels(ctx, component) };
  const annotations: Obj = { ...extra };
  if (rng.chance(0.3)) annotations['kubernetes.io/change-cause'] = `deploy ${rng.hex(7)} by ci`;
  if (rng.chance(0.15)) annotations['owner.example.com/team'] = `team-${ctx.tenant}`;
  if (Object.keys(annotations).length > 0) meta.annotations = annotations;
  return meta;
}

function image(rng: Random, ctx: AppContext): string {
  const repo = rng.chance(0.7) ? `${rng.pick(REGISTRIES)}/${ctx.app}` : `${rng.pick(REGISTRIES)}/${rng.pick(BASE_IMAGES)}`;
  const style = rng.weighted([
    ['tag', 6],
    ['digest', 2],
    ['latest', 1],
    ['none', 1],
  ] as const);
  switch (style) {
    case 'tag':
      return `${repo}:${String(rng.int(1, 4))}.${String(rng.int(0, 30))}.${String(rng.int(0, 12))}`;
    case 'digest':
      return `${repo}@sha256:${rng.hex(64)}`;
    case 'latest':
      return `${repo}:latest`;
    case 'none':
      return repo;
  }
}

function containerSecurityContext(rng: Random, profile: 'hardened' | 'partial' | 'none' | 'risky'): Obj | undefined {
  switch (profile) {
    case 'hardened':
      return {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: rng.pick([1000, 10001, 65532]),
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      };
    case 'partial': {
      const context: Obj = {};
      if (rng.chance(0.6)) context.allowPrivilegeEscalation = false;
      if (rng.chance(0.5)) context.runAsNonRoot = true;
      if (rng.chance(0.4)) context.readOnlyRootFilesystem = rng.chance(0.7);
      if (rng.chance(0.3)) context.capabilities = { drop: ['NET_RAW'] };
      return context;
    }
    case 'none':
      return undefined;
    case 'risky': {
      const context: Obj = { runAsUser: 0 };
      if (rng.chance(0.5)) context.privileged = true;
      if (rng.chance(0.6)) context.capabilities = { add: [rng.pick(['NET_ADMIN', 'SYS_ADMIN', 'SYS_PTRACE', 'NET_RAW'])] };
      if (rng.chance(0.5)) context.allowPrivilegeEscalation = true;
      return context;
    }
  }
}

function probe(rng: Random, port: number): Obj {
  const handler = rng.weighted([
    ['http', 6],
    ['tcp', 2],
    ['exec', 1],
  ] as const);
  const base: Obj =
    handler === 'http'
      ? { httpGet: { path: rng.pick(['/healthz', '/readyz', '/live', '/health']), port } }
      : handler === 'tcp'
        ? { tcpSocket: { port } }
        : { exec: { command: ['sh', '-c', 'test -f /tmp/healthy'] } };
  return { ...base, initialDelaySeconds: rng.int(0, 30), periodSeconds: rng.pick([5, 10, 15, 30]), timeoutSeconds: rng.int(1, 5), failureThreshold: 3 };
}

function envList(rng: Random, ctx: AppContext, secretName: string | undefined, configName: string | undefined): Json[] {
  const env: Json[] = [];
  const count = rng.int(2, 12);
  for (let i = 0; i < count; i++) {
    const name = ENV_NAMES[i % ENV_NAMES.length] ?? 'VAR';
    const kind = rng.weighted([
      ['value', 7],
      ['secret', secretName === undefined ? 0 : 2],
      ['config', configName === undefined ? 0 : 1],
      ['field', 1],
    ] as const);
    switch (kind) {
      case 'value':
        env.push({ name, value: rng.chance(0.5) ? String(rng.int(1, 65535)) : `${ctx.app}-${rng.pick(WORDS)}` });
        break;
      case 'secret':
        env.push({ name: `${name}_SECRET`, valueFrom: { secretKeyRef: { name: secretName ?? '', key: rng.pick(['password', 'token', 'api-key']) } } });
        break;
      case 'config':
        env.push({ name, valueFrom: { configMapKeyRef: { name: configName ?? '', key: rng.pick(['mode', 'endpoint', 'region']) } } });
        break;
      case 'field':
        env.push({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
        break;
    }
  }
  if (rng.chance(0.08)) env.push({ name: 'DB_PASSWORD', value: `pw-${rng.token(16)}` });
  return env;
}

interface PodOptions {
  readonly component: string;
  readonly secretName: string | undefined;
  readonly configName: string | undefined;
  readonly serviceAccount: string;
  readonly hostLevel: boolean;
  readonly batch: boolean;
}

function podTemplate(rng: Random, ctx: AppContext, options: PodOptions): Obj {
  const profile = options.hostLevel
    ? rng.weighted([
        ['hardened', 2],
        ['partial', 3],
        ['none', 2],
        ['risky', 3],
      ] as const)
    : rng.weighted([
        ['hardened', 45],
        ['partial', 30],
        ['none', 20],
        ['risky', 5],
      ] as const);
  const port = rng.pick([8080, 8443, 3000, 9090, 5000, 6379]);
  const volumes: Json[] = [];
  const mounts: Json[] = [];
  if (options.configName !== undefined && rng.chance(0.7)) {
    volumes.push({ name: 'config', configMap: { name: options.configName, defaultMode: 420 } });
    mounts.push({ name: 'config', mountPath: '/etc/app', readOnly: true });
  }
  if (options.secretName !== undefined && rng.chance(0.5)) {
    volumes.push({ name: 'credentials', secret: { secretName: options.secretName } });
    mounts.push({ name: 'credentials', mountPath: '/var/run/secrets/app', readOnly: true });
  }
  if (profile === 'hardened' || rng.chance(0.4)) {
    volumes.push({ name: 'tmp', emptyDir: rng.chance(0.5) ? { medium: 'Memory', sizeLimit: '64Mi' } : {} });
    mounts.push({ name: 'tmp', mountPath: '/tmp' });
  }
  if (options.hostLevel) {
    volumes.push({ name: 'host-logs', hostPath: { path: '/var/log', type: 'Directory' } });
    mounts.push({ name: 'host-logs', mountPath: '/host/var/log', readOnly: rng.chance(0.7) });
  }

  const containerCount = rng.weighted([
    [1, 60],
    [2, 30],
    [3, 10],
  ] as const);
  const containers: Json[] = [];
  for (let i = 0; i < containerCount; i++) {
    const name = i === 0 ? ctx.app : rng.pick(['sidecar', 'proxy', 'log-shipper', 'metrics-exporter']) + (i > 1 ? `-${String(i)}` : '');
    const container: Obj = { name, image: image(rng, ctx) };
    if (rng.chance(0.5)) container.imagePullPolicy = rng.pick(['IfNotPresent', 'Always']);
    if (options.batch || rng.chance(0.4)) container.command = [rng.pick(['/app/server', '/bin/sh', 'python', 'node'])];
    if (rng.chance(0.5)) container.args = [`--port=${String(port)}`, `--log-level=${rng.pick(['info', 'debug', 'warn'])}`];
    if (!options.batch && i === 0) container.ports = [{ name: 'http', containerPort: port, protocol: 'TCP' }];
    if (i === 0 || rng.chance(0.5)) container.env = envList(rng, ctx, options.secretName, options.configName);
    if (options.configName !== undefined && rng.chance(0.15)) container.envFrom = [{ configMapRef: { name: options.configName } }];
    if (rng.chance(0.8)) {
      const cpu = rng.pick([50, 100, 250, 500, 1000]);
      const memory = rng.pick([64, 128, 256, 512, 1024]);
      const resources: Obj = { requests: { cpu: `${String(cpu)}m`, memory: `${String(memory)}Mi` } };
      if (rng.chance(0.7)) resources.limits = { cpu: `${String(cpu * 2)}m`, memory: `${String(memory * 2)}Mi` };
      container.resources = resources;
    }
    if (!options.batch && i === 0) {
      if (rng.chance(0.75)) container.livenessProbe = probe(rng, port);
      if (rng.chance(0.75)) container.readinessProbe = probe(rng, port);
      if (rng.chance(0.15)) container.startupProbe = probe(rng, port);
    }
    const containerMounts = i === 0 ? mounts : mounts.filter(() => rng.chance(0.5));
    if (containerMounts.length > 0) container.volumeMounts = containerMounts;
    const securityContext = containerSecurityContext(rng, profile);
    if (securityContext !== undefined) container.securityContext = securityContext;
    containers.push(container);
  }

  const spec: Obj = {};
  if (options.serviceAccount !== 'default' || rng.chance(0.3)) spec.serviceAccountName = options.serviceAccount;
  if (rng.chance(0.35)) spec.automountServiceAccountToken = false;
  if (profile === 'hardened' || rng.chance(0.2)) {
    spec.securityContext = {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    };
  }
  if (options.hostLevel) {
    if (rng.chance(0.6)) spec.hostNetwork = true;
    if (rng.chance(0.3)) spec.hostPID = true;
    spec.tolerations = [{ operator: 'Exists' }];
  } else if (rng.chance(0.15)) {
    spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: ctx.tenant, effect: 'NoSchedule' }];
  }
  if (rng.chance(0.2)) spec.nodeSelector = { 'kubernetes.io/os': 'linux', 'node.example.com/pool': rng.pick(['general', 'compute', 'memory']) };
  if (!options.batch && !options.hostLevel && rng.chance(0.2)) {
    spec.affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'app.kubernetes.io/name': ctx.app } } },
          },
        ],
      },
    };
  }
  if (rng.chance(0.25)) {
    spec.initContainers = [
      {
        name: 'init',
        image: image(rng, ctx),
        command: ['sh', '-c', `until nslookup ${ctx.app}-db; do sleep 2; done`],
        ...(profile === 'none' ? {} : { securityContext: containerSecurityContext(rng, profile === 'risky' ? 'risky' : 'partial') ?? {} }),
      },
    ];
  }
  spec.containers = containers;
  if (options.batch) spec.restartPolicy = rng.pick(['OnFailure', 'Never']);
  if (volumes.length > 0) spec.volumes = volumes;
  if (rng.chance(0.1)) spec.imagePullSecrets = [{ name: 'registry-credentials' }];

  const templateMeta: Obj = { labels: { 'app.kubernetes.io/name': ctx.app, 'app.kubernetes.io/component': options.component } };
  const annotations: Obj = {};
  if (!options.batch && rng.chance(0.4)) {
    annotations['prometheus.io/scrape'] = 'true';
    annotations['prometheus.io/port'] = String(port);
  }
  if (ctx.helm !== undefined) annotations['checksum/config'] = rng.hex(64);
  if (Object.keys(annotations).length > 0) templateMeta.annotations = annotations;
  return { metadata: templateMeta, spec };
}

type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'CronJob' | 'Job';

/** One application: a workload and what usually ships beside it. */
function appBundle(rng: Random, ctx: AppContext): Obj[] {
  const out: Obj[] = [];
  const kind = rng.weighted<WorkloadKind>([
    ['Deployment', 60],
    ['StatefulSet', 12],
    ['DaemonSet', 5],
    ['CronJob', 12],
    ['Job', 5],
  ]);
  const batch = kind === 'CronJob' || kind === 'Job';
  const name = ctx.app;
  const serviceAccount = rng.chance(0.75) ? name : 'default';
  const configName = rng.chance(0.7) ? `${name}-config` : undefined;
  const secretName = rng.chance(0.45) ? `${name}-credentials` : undefined;
  const selector: Obj = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': kind.toLowerCase() };

  if (serviceAccount !== 'default') {
    const account: Obj = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(ctx, name, 'identity', rng) };
    if (rng.chance(0.4)) account.automountServiceAccountToken = false;
    out.push(account);
  }
  if (configName !== undefined) {
    const data: Obj = {
      mode: rng.pick(['production', 'staging', 'debug']),
      endpoint: `https://${rng.pick(WORDS)}.${ctx.namespace}.svc.cluster.local:${String(rng.pick([80, 443, 8080]))}`,
      region: rng.pick(['eu-west-1', 'us-east-1', 'ap-south-1']),
    };
    if (rng.chance(0.5)) {
      data['app.properties'] = Array.from({ length: rng.int(3, 12) }, (_, i) => `${rng.pick(WORDS)}.setting${String(i)}=${rng.token(8)}`).join('\n') + '\n';
    }
    out.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(ctx, configName, 'config', rng), data });
  }
  if (secretName !== undefined) {
    const secret: Obj = { apiVersion: 'v1', kind: 'Secret', metadata: metadata(ctx, secretName, 'credentials', rng), type: 'Opaque' };
    if (rng.chance(0.8)) {
      secret.data = {
        password: Buffer.from(rng.token(24)).toString('base64'),
        token: Buffer.from(rng.token(40)).toString('base64'),
        'api-key': Buffer.from(rng.token(32)).toString('base64'),
      };
    } else {
      secret.stringData = { password: rng.token(20), token: rng.token(32), 'api-key': rng.token(28) };
    }
    out.push(secret);
  }

  const template = podTemplate(rng, ctx, { component: kind.toLowerCase(), secretName, configName, serviceAccount, hostLevel: kind === 'DaemonSet', batch });
  const templateMeta = template.metadata as Obj;
  templateMeta.labels = { ...(templateMeta.labels as Obj), ...selector };
  switch (kind) {
    case 'Deployment':
      out.push({
        apiVersion: 'apps/v1',
        kind,
        metadata: metadata(ctx, name, 'deployment', rng),
        spec: {
          replicas: rng.int(1, 6),
          revisionHistoryLimit: 5,
          selector: { matchLabels: selector },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
          template,
        },
      });
      break;
    case 'StatefulSet':
      out.push({
        apiVersion: 'apps/v1',
        kind,
        metadata: metadata(ctx, name, 'statefulset', rng),
        spec: {
          serviceName: name,
          replicas: rng.int(1, 5),
          selector: { matchLabels: selector },
          template,
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast-ssd', resources: { requests: { storage: `${String(rng.pick([1, 10, 50, 100]))}Gi` } } },
            },
          ],
        },
      });
      break;
    case 'DaemonSet':
      out.push({
        apiVersion: 'apps/v1',
        kind,
        metadata: metadata(ctx, name, 'daemonset', rng),
        spec: { selector: { matchLabels: selector }, updateStrategy: { type: 'RollingUpdate' }, template },
      });
      break;
    case 'CronJob':
      out.push({
        apiVersion: 'batch/v1',
        kind,
        metadata: metadata(ctx, name, 'cronjob', rng),
        spec: {
          schedule: `${String(rng.int(0, 59))} ${rng.pick(['*', '*/2', '3', '*/6'])} * * *`,
          concurrencyPolicy: rng.pick(['Forbid', 'Replace', 'Allow']),
          successfulJobsHistoryLimit: 3,
          failedJobsHistoryLimit: 1,
          jobTemplate: { spec: { backoffLimit: rng.int(0, 6), activeDeadlineSeconds: 3600, template } },
        },
      });
      break;
    case 'Job':
      out.push({
        apiVersion: 'batch/v1',
        kind,
        metadata: metadata(ctx, `${name}-migrate-${rng.hex(5)}`, 'job', rng, ctx.helm === undefined ? {} : { 'helm.sh/hook': 'pre-upgrade' }),
        spec: { backoffLimit: rng.int(0, 4), ttlSecondsAfterFinished: 600, template },
      });
      break;
  }

  if (!batch) {
    const service: Obj = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(ctx, name, 'service', rng),
      spec: {
        type: rng.weighted([
          ['ClusterIP', 85],
          ['NodePort', 8],
          ['LoadBalancer', 7],
        ] as const),
        selector,
        ports: [{ name: 'http', port: rng.pick([80, 443, 8080]), targetPort: 'http', protocol: 'TCP' }],
      },
    };
    if (kind === 'StatefulSet') (service.spec as Obj).clusterIP = 'None';
    out.push(service);
  }
  if (serviceAccount !== 'default' && rng.chance(0.45)) {
    const rules: Json[] = [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }];
    if (rng.chance(0.3)) rules.push({ apiGroups: [''], resources: ['secrets'], verbs: rng.chance(0.3) ? ['*'] : ['get'] });
    if (rng.chance(0.2)) rules.push({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'patch'] });
    if (rng.chance(0.1)) rules.push({ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] });
    out.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: metadata(ctx, name, 'rbac', rng), rules });
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(ctx, name, 'rbac', rng),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace: ctx.namespace }],
    });
  }
  if (serviceAccount !== 'default' && (kind === 'DaemonSet' || rng.chance(0.04))) {
    const clusterName = `${ctx.namespace}-${name}`;
    const meta = metadata(ctx, clusterName, 'rbac', rng);
    delete meta.namespace;
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta,
      rules: rng.chance(0.15)
        ? [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]
        : [
            { apiGroups: [''], resources: ['nodes', 'pods', 'namespaces'], verbs: ['get', 'list', 'watch'] },
            { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
          ],
    });
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { ...meta },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterName },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace: ctx.namespace }],
    });
  }
  if (!batch && rng.chance(0.5)) {
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(ctx, `${name}-ingress`, 'network', rng),
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
              { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': ctx.tenant } } },
            ],
            ports: [{ protocol: 'TCP', port: 8080 }],
          },
        ],
      },
    });
  }
  if (kind === 'Deployment' && rng.chance(0.3)) {
    const host = `${name}.${ctx.tenant}.example.com`;
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: metadata(ctx, name, 'ingress', rng, { 'cert-manager.io/cluster-issuer': 'letsencrypt' }),
      spec: {
        ingressClassName: 'nginx',
        ...(rng.chance(0.8) ? { tls: [{ hosts: [host], secretName: `${name}-tls` }] } : {}),
        rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }] } }],
      },
    });
  }
  if ((kind === 'Deployment' || kind === 'StatefulSet') && rng.chance(0.3)) {
    out.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: metadata(ctx, name, 'availability', rng),
      spec: { ...(rng.chance(0.5) ? { minAvailable: 1 } : { maxUnavailable: '25%' }), selector: { matchLabels: selector } },
    });
  }
  if (kind === 'Deployment' && rng.chance(0.3)) {
    out.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(ctx, name, 'autoscaling', rng),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: 2,
        maxReplicas: rng.int(4, 20),
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: rng.pick([60, 70, 80]) } } }],
      },
    });
  }
  return out;
}

/** What every namespace gets once: the namespace itself, quotas, defaults, a default-deny policy. */
function namespaceBundle(rng: Random, ctx: AppContext): Obj[] {
  const meta = (name: string): Obj => ({ name, namespace: ctx.namespace, labels: { 'app.kubernetes.io/part-of': ctx.tenant } });
  const out: Obj[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ctx.namespace,
        labels: {
          'kubernetes.io/metadata.name': ctx.namespace,
          tenant: ctx.tenant,
          ...(rng.chance(0.6) ? { 'pod-security.kubernetes.io/enforce': rng.pick(['restricted', 'baseline', 'privileged']) } : {}),
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta('compute'),
      spec: { hard: { 'requests.cpu': String(rng.int(4, 64)), 'requests.memory': `${String(rng.int(8, 256))}Gi`, pods: String(rng.int(20, 500)) } },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: meta('defaults'),
      spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] },
    },
  ];
  if (rng.chance(0.7)) {
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('default-deny'), spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files

type FileStyle = 'plain' | 'helm' | 'json';

interface Namespace {
  readonly tenant: string;
  readonly namespace: string;
  started: boolean;
  files: number;
  apps: number;
}

function generateCorpus(total: number, size: string, dir: string): CorpusInfo {
  const rng = new Random(SEED ^ total);
  const tenants = Math.max(2, Math.round(total / 1000));
  const namespaces: Namespace[] = [];
  for (let t = 0; t < tenants; t++) {
    const tenant = `tenant-${String(t).padStart(3, '0')}`;
    for (const stage of ['prod', 'staging', 'dev'].slice(0, rng.int(2, 3))) {
      namespaces.push({ tenant, namespace: `${tenant}-${stage}`, started: false, files: 0, apps: 0 });
    }
  }
  const kinds: Record<string, number> = {};
  let objects = 0;
  /** A JSON file is one `kind: List` document; every YAML object is a document of its own. */
  let documents = 0;
  let bytes = 0;
  let files = 0;
  let helmFiles = 0;
  let jsonFiles = 0;
  let nsIndex = 0;

  while (objects < total) {
    const ns = namespaces[nsIndex % namespaces.length];
    if (ns === undefined) throw new Error('no namespaces');
    nsIndex++;
    const target = Math.min(total - objects, rng.int(20, 60));
    const style = rng.weighted<FileStyle>([
      ['plain', 72],
      ['helm', 25],
      ['json', 3],
    ]);
    const chart = rng.pick(WORDS);
    const helm = style === 'helm' ? { chart, release: `${ns.namespace}-${chart}` } : undefined;
    const docs: Obj[] = [];
    if (!ns.started) {
      ns.started = true;
      docs.push(...namespaceBundle(rng, { namespace: ns.namespace, tenant: ns.tenant, app: 'namespace', helm: undefined }));
    }
    while (docs.length < target) {
      const app = `${rng.pick(WORDS)}-${String(ns.apps++)}`;
      docs.push(...appBundle(rng, { namespace: ns.namespace, tenant: ns.tenant, app, helm }));
    }
    docs.length = target;

    const base = style === 'helm' ? `helm/${helm?.release ?? chart}` : `apps/part-${String(ns.files).padStart(3, '0')}`;
    const ext = style === 'json' ? 'json' : rng.chance(0.1) ? 'yml' : 'yaml';
    const path = join(dir, 'tenants', ns.tenant, ns.namespace, `${base}-${String(files)}.${ext}`);
    const text = style === 'json' ? renderJson(docs) : renderYaml(docs, rng, helm?.chart);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    ns.files++;
    files++;
    if (style === 'helm') helmFiles++;
    if (style === 'json') jsonFiles++;
    bytes += Buffer.byteLength(text);
    objects += docs.length;
    documents += style === 'json' ? 1 : docs.length;
    for (const doc of docs) {
      const kind = kindOf(doc);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  }

  return {
    generatorVersion: GENERATOR_VERSION,
    size,
    dir,
    objects,
    documents,
    files,
    yamlFiles: files - jsonFiles,
    helmFiles,
    jsonFiles,
    bytes,
    namespaces: namespaces.filter(ns => ns.started).length,
    kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

function kindOf(doc: Obj): string {
  return typeof doc.kind === 'string' ? doc.kind : 'Unknown';
}

function renderYaml(docs: readonly Obj[], rng: Random, chart: string | undefined): string {
  const parts: string[] = [];
  for (const [i, doc] of docs.entries()) {
    let header = '';
    if (chart !== undefined) {
      header = `---\n# Source: ${chart}/templates/${kindOf(doc).toLowerCase()}.yaml\n`;
    } else if (i > 0) {
      header = '---\n';
    } else if (rng.chance(0.3)) {
      header = `# Managed by platform team. Do not edit by hand.\n`;
    }
    parts.push(header + dump(doc, { lineWidth: -1, noRefs: true }));
  }
  return parts.join('');
}

function renderJson(docs: readonly Obj[]): string {
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: docs }, null, 4)}\n`;
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const sizes = process.argv.slice(2);
  for (const size of sizes.length === 0 ? ['1k', '10k', '100k'] : sizes) {
    const info = ensureCorpus(size, line => {
      console.log(line);
    });
    console.log(`${size}: ${String(info.objects)} objects, ${String(info.files)} files, ${(info.bytes / 1e6).toFixed(1)} MB in ${info.dir}`);
  }
}

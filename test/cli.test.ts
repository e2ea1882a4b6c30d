import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { ALL_RULES } from '../src/rules/index.js';
import { parseJson, ROOT, runCli } from './helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'kubeward-cli-'));
after(() => {
  rmSync(work, { recursive: true, force: true });
});

const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata:
  name: root-shell
  namespace: ops
spec:
  automountServiceAccountToken: false
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: shell
      image: registry.example.com/shell:1.0.0@sha256:${'a'.repeat(64)}
      resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {cpu: 100m, memory: 64Mi}}
      securityContext:
        privileged: true
        allowPrivilegeEscalation: true
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}
`;

function write(name: string, content: string): string {
  const path = join(work, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

interface JsonReport {
  summary: Record<string, number>;
  findings: { ruleId: string; severity: string; source?: { file: string; line: number }; baseline?: boolean; fingerprint: string }[];
  errors: { source: { file: string; line: number }; message: string }[];
}

function report(args: readonly string[], options: Parameters<typeof runCli>[1] = {}): { code: number; json: JsonReport; stderr: string } {
  const run = runCli(args, options);
  return { code: run.code, json: parseJson(run) as JsonReport, stderr: run.stderr };
}

describe('kubeward CLI', () => {
  it('teaches through --help and prints its version', () => {
    const help = runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /scan \[options\] \[paths\.\.\.\]/);
    const scanHelp = runCli(['scan', '--help']);
    assert.equal(scanHelp.code, 0);
    assert.match(scanHelp.stdout, /helm template my-release \.\/chart \| kubeward scan -/);
    assert.match(scanHelp.stdout, /Exit codes:/);
    const version = runCli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on usage errors with a message, not a stack trace', () => {
    for (const args of [['scan', '--output', 'pdf'], ['scan', '--bogus'], ['scan', '--rules', 'no-such-rule', '.'], ['frobnicate'], ['scan', '-j', 'zero']]) {
      const run = runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.ok(run.stderr.length > 0);
    }
  });

  it('exits 0 without --fail-on, 1 at or above it, and 0 when the threshold is above every finding', () => {
    const file = write('exit/pod.yaml', PRIVILEGED);
    assert.equal(runCli(['scan', file]).code, 0);
    assert.equal(runCli(['scan', file, '--fail-on', 'critical']).code, 1);
    assert.equal(runCli(['scan', file, '--fail-on', 'none']).code, 0);
    assert.equal(runCli(['scan', file, '--fail-on', 'critical', '--skip-rules', 'privileged-container']).code, 0);
  });

  it('scans stdin, and reports bad input with file:line while still scanning the good input (exit 2)', () => {
    const stdin = report(['scan', '-', '-o', 'json'], { input: PRIVILEGED });
    assert.equal(stdin.code, 0);
    assert.ok(stdin.json.findings.some(finding => finding.ruleId === 'privileged-container' && finding.source?.file === '<stdin>' && finding.source.line === 14));

    const broken = write('mixed/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n');
    const good = write('mixed/good.yaml', PRIVILEGED);
    const run = report(['scan', broken, good, join(work, 'missing.yaml'), '-o', 'json']);
    assert.equal(run.code, 2);
    assert.ok(run.json.findings.some(finding => finding.ruleId === 'privileged-container'));
    assert.deepEqual(
      run.json.errors.map(error => `${error.source.file}:${String(error.source.line)}`),
      [`${join(work, 'missing.yaml')}:0`, `${broken}:5`],
    );
    assert.match(run.stderr, /broken\.yaml:5: invalid YAML/);
  });

  it('walks directories recursively and expands globs, in a stable order', () => {
    write('tree/a/one.yaml', PRIVILEGED.replace('root-shell', 'one'));
    write('tree/b/two.yml', PRIVILEGED.replace('root-shell', 'two'));
    write('tree/b/three.json', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'three' }, spec: { hostPID: true, containers: [{ name: 'c', image: 'x:1' }] } }));
    write('tree/.hidden/four.yaml', PRIVILEGED.replace('root-shell', 'four'));
    write('tree/notes.txt', 'not yaml');
    const byDirectory = report(['scan', 'tree', '-o', 'json'], { cwd: work });
    const files = [...new Set(byDirectory.json.findings.map(finding => finding.source?.file))];
    assert.deepEqual(files, ['tree/a/one.yaml', 'tree/b/three.json', 'tree/b/two.yml']);
    const byGlob = report(['scan', 'tree/**/*.yml', '-o', 'json'], { cwd: work });
    assert.deepEqual([...new Set(byGlob.json.findings.map(finding => finding.source?.file))], ['tree/b/two.yml']);
    const noMatch = runCli(['scan', 'tree/**/*.nothing'], { cwd: work });
    assert.equal(noMatch.code, 2);
    assert.match(noMatch.stdout + noMatch.stderr, /no files match/);
  });

  it('lists rules as text and JSON, and explains one', () => {
    const json = parseJson(runCli(['rules', '-o', 'json']));
    assert.ok(Array.isArray(json));
    assert.deepEqual(
      json.map(rule => (rule as { id: string }).id),
      ALL_RULES.map(rule => rule.id),
    );
    for (const rule of json as Record<string, unknown>[]) {
      for (const field of ['id', 'title', 'severity', 'category', 'description', 'remediation', 'frameworks', 'equivalents', 'fixable', 'docs']) {
        assert.ok(field in rule, `${String(rule.id)} lacks ${field}`);
      }
    }
    const text = runCli(['rules']);
    assert.match(text.stdout, /privileged-container\s+critical\s+workload/);
    const explain = runCli(['explain', 'privileged-container']);
    assert.equal(explain.code, 0);
    assert.match(explain.stdout, /CIS Kubernetes Benchmark v1\.12: 5\.2\.2/);
    assert.match(explain.stdout, /trivy: KSV-0017/);
    const typo = runCli(['explain', 'privileged-containr']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /did you mean "privileged-container"/);
  });

  it('counts only new findings toward --fail-on when given a --baseline', () => {
    const first = write('baseline/app.yaml', PRIVILEGED);
    const baseline = runCli(['scan', first, '-o', 'json']);
    const baselineFile = write('baseline-report.json', baseline.stdout);
    const again = report(['scan', first, '-o', 'json', '--baseline', baselineFile, '--fail-on', 'low']);
    assert.equal(again.code, 0);
    assert.ok(again.json.findings.length > 0 && again.json.findings.every(finding => finding.baseline === true));
    assert.equal(again.json.summary.critical, 0);
    write('baseline/new.yaml', PRIVILEGED.replace('root-shell', 'another'));
    const grown = report(['scan', join(work, 'baseline'), '-o', 'json', '--baseline', baselineFile, '--fail-on', 'critical']);
    assert.equal(grown.code, 1);
    assert.equal(grown.json.summary.critical, 1);
    const badBaseline = runCli(['scan', first, '--baseline', first]);
    assert.equal(badBaseline.code, 2);
    assert.match(badBaseline.stderr, /cannot read baseline|not a kubeward JSON report/);
  });

  it('reads kubeward.yaml from the working directory, or --config', () => {
    const directory = join(work, 'configured');
    write('configured/pod.yaml', PRIVILEGED);
    write('configured/kubeward.yaml', 'failOn: medium\nrules:\n  privileged-container: low\n');
    const run = report(['scan', '.', '-o', 'json'], { cwd: directory });
    assert.equal(run.code, 1, 'the allowPrivilegeEscalation finding is medium');
    assert.equal(run.json.findings.find(finding => finding.ruleId === 'privileged-container')?.severity, 'low');
    write('configured/strict.yaml', 'rules:\n  nonsense-rule: off\n');
    const bad = runCli(['scan', '.', '--config', 'strict.yaml'], { cwd: directory });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /strict\.yaml:2: invalid config: unknown rule "nonsense-rule"/);
  });

  it('colours text only for terminals or when asked, honouring NO_COLOR', () => {
    const file = write('colour/pod.yaml', PRIVILEGED);
    const ESC = '\u001b[';
    assert.ok(!runCli(['scan', file]).stdout.includes(ESC), 'piped output is plain');
    assert.ok(runCli(['scan', file, '--color']).stdout.includes(ESC));
    assert.ok(runCli(['scan', file], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
    assert.ok(!runCli(['scan', file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC));
  });

  it('shows a progress line on an interactive terminal only', () => {
    for (let i = 0; i < 25; i++) write(`progress/pod-${String(i)}.yaml`, PRIVILEGED.replace('root-shell', `pod-${String(i)}`));
    const piped = runCli(['scan', join(work, 'progress')]);
    assert.ok(!piped.stderr.includes('scanning'), 'no progress when stderr is not a terminal');
    // `script` runs the command on a pseudo-terminal, as an interactive shell would.
    const command = `${process.execPath} ${join(ROOT, 'dist/cli/main.js')} scan ${join(work, 'progress')} -o json > /dev/null`;
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(terminal.status, 0, terminal.stderr);
    assert.match(terminal.stdout, /scanning 25\/25 files/);
    assert.ok(terminal.stdout.includes('\r\u001b[2K'), 'the line is cleared when the scan ends');
  });

  it('gives identical reports on worker threads and on the main thread, run after run', () => {
    const single = runCli(['scan', 'examples/demo-cluster', '-o', 'json']);
    const again = runCli(['scan', 'examples/demo-cluster', '-o', 'json']);
    const threaded = runCli(['scan', 'examples/demo-cluster', '-o', 'json', '--jobs', '2']);
    assert.equal(single.code, 0);
    assert.equal(again.stdout, single.stdout);
    assert.equal(threaded.stdout, single.stdout);
  });
});

import { defineRule } from '../types.js';
import { numberOption } from '../util/options.js';
import { autoscalerIndex, declaredReplicas, describeAutoscalers, isReplicatedWorkload, REPLICATED_KINDS } from '../util/replica-count.js';
import { describeObject } from '../util/workload-lifecycle.js';

const DEFAULT_MINIMUM = 2;

/** What running only `replicas` pods at the autoscaler's floor means. */
function atLowLoad(replicas: number): string {
  if (replicas === 0) return 'at low load it runs no pod at all, so the next request waits for a pod to start';
  if (replicas === 1) return 'at low load a single pod serves it, and losing that pod to a drain or node failure takes the workload down';
  return `at low load only ${String(replicas)} pods serve it, and losing one to a drain or node failure leaves too little capacity`;
}

export default defineRule({
  id: 'single-replica',
  title: 'Workload runs fewer replicas than the minimum',
  severity: 'low',
  category: 'workload',
  description:
    'A workload with a single replica is down whenever that pod is: during every node drain, cluster upgrade, node failure or eviction, and during rollouts that cannot surge. Running at least two replicas (spread across nodes) keeps it serving while one is replaced.',
  remediation:
    'Set `spec.replicas` to at least 2 (the API server defaults an absent value to 1), or let a HorizontalPodAutoscaler with `minReplicas: 2` or more manage the count. Workloads that must run as a singleton should be exempted with a reason.',
  frameworks: {},
  equivalents: {
    polaris: 'deploymentMissingReplicas',
    'kube-score': 'deployment-replicas',
    'kube-linter': 'minimum-three-replicas',
  },
  fixable: false,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minimumReplicas: {
        type: 'integer',
        minimum: 1,
        default: DEFAULT_MINIMUM,
        description: 'Fewest replicas a workload (or the minReplicas of its HorizontalPodAutoscaler) may run.',
      },
    },
  },
  target: 'object',
  kinds: REPLICATED_KINDS,
  check(object, context) {
    if (!isReplicatedWorkload(object)) return;
    const minimum = numberOption(context.options, 'minimumReplicas', DEFAULT_MINIMUM);
    const declared = declaredReplicas(object);
    // A malformed count is rejected by the API server; zero means deliberately scaled down.
    if (declared === undefined || declared.count === 0) return;
    const name = describeObject(object);
    const autoscalers = autoscalerIndex(context.snapshot)
      .targeting(object)
      .filter(autoscaler => autoscaler.minReplicas !== undefined && autoscaler.maxReplicas !== undefined);
    if (autoscalers.length > 0) {
      const lowest = Math.min(...autoscalers.map(autoscaler => autoscaler.minReplicas ?? 1));
      if (lowest >= minimum) return;
      const [first] = autoscalers.filter(autoscaler => autoscaler.minReplicas === lowest);
      const source = first?.minWritten === true ? `minReplicas is ${String(lowest)}` : 'minReplicas defaults to 1';
      context.report(
        object,
        declared.path,
        `${name} is scaled by ${describeAutoscalers(autoscalers)}, whose ${source}, below the minimum of ${String(minimum)}: ${atLowLoad(lowest)}`,
      );
      return;
    }
    if (declared.count >= minimum) return;
    const count = declared.written ? `runs ${String(declared.count)} ${declared.count === 1 ? 'replica' : 'replicas'}` : 'sets no replicas, so the API server runs 1';
    context.report(
      object,
      declared.path,
      `${name} ${count}, below the minimum of ${String(minimum)}: ${declared.count === 1 ? 'when its pod is drained, evicted or its node fails, the workload is down until a replacement is scheduled and ready' : 'losing one pod to a drain or node failure leaves too little capacity'}`,
    );
  },
});

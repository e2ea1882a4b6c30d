import type { JsonRecord } from './guards.js';
import { asArray, asRecord, isRecord, isString, own } from './guards.js';

/**
 * metav1.LabelSelector: every `matchLabels` entry and every `matchExpressions` requirement must
 * hold (AND). An empty selector matches everything; callers decide what an absent one means,
 * because that differs by field (NetworkPolicy peers, Services, PodDisruptionBudgets...).
 */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

export interface LabelSelector {
  readonly requirements: readonly SelectorRequirement[];
}

export type ParsedSelector = { readonly ok: true; readonly selector: LabelSelector } | { readonly ok: false; readonly error: string };

export const MATCH_EVERYTHING: LabelSelector = { requirements: [] };

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function isOperator(value: string): value is SelectorOperator {
  return OPERATORS.has(value);
}

/** Validates like the API server does; an invalid selector is reported, never guessed at. */
export function parseLabelSelector(value: unknown): ParsedSelector {
  if (value === null || value === undefined) return { ok: true, selector: MATCH_EVERYTHING };
  if (!isRecord(value)) return { ok: false, error: 'selector must be a mapping' };
  const requirements: SelectorRequirement[] = [];
  const matchLabels = own(value, 'matchLabels');
  if (matchLabels !== undefined && matchLabels !== null) {
    const labels = asRecord(matchLabels);
    if (labels === undefined) return { ok: false, error: 'matchLabels must be a mapping' };
    for (const [key, labelValue] of Object.entries(labels)) {
      if (!isString(labelValue)) return { ok: false, error: `matchLabels.${key} must be a string` };
      requirements.push({ key, operator: 'In', values: [labelValue] });
    }
  }
  const matchExpressions = own(value, 'matchExpressions');
  if (matchExpressions !== undefined && matchExpressions !== null) {
    const expressions = asArray(matchExpressions);
    if (expressions === undefined) return { ok: false, error: 'matchExpressions must be a list' };
    for (const [index, expression] of expressions.entries()) {
      const parsed = parseRequirement(expression, index);
      if (typeof parsed === 'string') return { ok: false, error: parsed };
      requirements.push(parsed);
    }
  }
  return { ok: true, selector: { requirements } };
}

function parseRequirement(value: unknown, index: number): SelectorRequirement | string {
  const where = `matchExpressions[${String(index)}]`;
  if (!isRecord(value)) return `${where} must be a mapping`;
  const key = own(value, 'key');
  const operator = own(value, 'operator');
  if (!isString(key) || key === '') return `${where}.key must be a non-empty string`;
  if (!isString(operator) || !isOperator(operator)) return `${where}.operator must be one of In, NotIn, Exists, DoesNotExist`;
  const rawValues = own(value, 'values');
  const values = stringValues(rawValues);
  if (values === undefined) return `${where}.values must be a list of strings`;
  const needsValues = operator === 'In' || operator === 'NotIn';
  if (needsValues && values.length === 0) return `${where}: operator ${operator} needs at least one value`;
  if (!needsValues && values.length > 0) return `${where}: operator ${operator} takes no values`;
  return { key, operator, values };
}

function stringValues(raw: unknown): readonly string[] | undefined {
  if (raw === undefined || raw === null) return [];
  const list = asArray(raw);
  if (list === undefined) return undefined;
  const strings = list.filter(isString);
  return strings.length === list.length ? strings : undefined;
}

export function matchesSelector(selector: LabelSelector, labels: ReadonlyMap<string, string>): boolean {
  for (const requirement of selector.requirements) {
    if (!matchesRequirement(requirement, labels)) return false;
  }
  return true;
}

function matchesRequirement(requirement: SelectorRequirement, labels: ReadonlyMap<string, string>): boolean {
  const value = labels.get(requirement.key);
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/** Equality-only selectors (`Service.spec.selector`, `ReplicationController.spec.selector`). */
export function selectorFromMap(map: JsonRecord): LabelSelector {
  const requirements: SelectorRequirement[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (isString(value)) requirements.push({ key, operator: 'In', values: [value] });
  }
  return { requirements };
}

/** kubectl's notation, e.g. `app=web,tier in (a,b),!legacy`. */
export function formatSelector(selector: LabelSelector): string {
  if (selector.requirements.length === 0) return '<all>';
  return selector.requirements
    .map(({ key, operator, values }) => {
      switch (operator) {
        case 'In':
          return values.length === 1 ? `${key}=${values[0] ?? ''}` : `${key} in (${values.join(',')})`;
        case 'NotIn':
          return `${key} notin (${values.join(',')})`;
        case 'Exists':
          return key;
        case 'DoesNotExist':
          return `!${key}`;
      }
    })
    .join(',');
}

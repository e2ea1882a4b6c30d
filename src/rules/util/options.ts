import type { JsonRecord } from '../../snapshot/guards.js';
import { own } from '../../snapshot/guards.js';

/**
 * Typed reads of a rule's `options`. The config loader has already validated them against the
 * rule's `optionsSchema`, so these only supply the default when an option is absent.
 */
export function numberOption(options: JsonRecord, name: string, fallback: number): number {
  const value = own(options, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function booleanOption(options: JsonRecord, name: string, fallback: boolean): boolean {
  const value = own(options, name);
  return typeof value === 'boolean' ? value : fallback;
}

export function stringListOption(options: JsonRecord, name: string, fallback: readonly string[]): readonly string[] {
  const value = own(options, name);
  return Array.isArray(value) && value.every(item => typeof item === 'string') ? value : fallback;
}

export function stringOption(options: JsonRecord, name: string, fallback: string): string {
  const value = own(options, name);
  return typeof value === 'string' ? value : fallback;
}

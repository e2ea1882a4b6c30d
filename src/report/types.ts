import type { ScanResult } from '../scan/scan.js';

export interface ReportOptions {
  /** ANSI colours (text only). */
  readonly color: boolean;
  readonly toolVersion: string;
}

export type Formatter = (result: ScanResult, options: ReportOptions) => string;

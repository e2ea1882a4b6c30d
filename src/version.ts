import { readFileSync } from 'node:fs';

/** src/version.ts and dist/version.js both sit one level below package.json. */
const PACKAGE_URL = new URL('../package.json', import.meta.url);

let cached: string | undefined;

export function toolVersion(): string {
  if (cached === undefined) {
    const parsed: unknown = JSON.parse(readFileSync(PACKAGE_URL, 'utf8'));
    cached = typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  }
  return cached;
}

export const TOOL_NAME = 'kubeward';
export const TOOL_URI = 'https://github.com/kubeward/kubeward';
export const DOCS_BASE_URI = `${TOOL_URI}/blob/main/docs/rules/`;

/** A problem with one input: the scan goes on with everything else and exits 2. */
export interface LoadError {
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

/** Thrown while reading a source; turned into a LoadError for that source alone. */
export class InputError extends Error {
  readonly line: number;

  constructor(message: string, line = 0) {
    super(message);
    this.name = 'InputError';
    this.line = line;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    switch (code) {
      case 'ENOENT':
        return 'no such file or directory';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'is a directory';
      case 'ERR_STRING_TOO_LONG':
        return 'file too large to hold in memory as text';
      case undefined:
      default:
        return (error.message.split('\n')[0] ?? error.name).trim();
    }
  }
  return String(error);
}

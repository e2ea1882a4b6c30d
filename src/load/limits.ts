/**
 * Bounds that keep hostile input from exhausting memory or time. The API server itself rejects
 * request bodies over 3 MiB and etcd values over 1.5 MiB, so a real object is far below these.
 */
export interface ParseLimits {
  /** Largest single YAML/JSON document, in UTF-16 code units. */
  readonly maxDocumentChars: number;
  /** Nodes an aliased document may expand to beyond its own nodes (billion-laughs guard). */
  readonly maxAliasExpansion: number;
  /** Alias references per document. */
  readonly maxAliases: number;
  /** Collection nesting depth. */
  readonly maxDepth: number;
  /** Files at or above this size are streamed in pieces instead of read whole. */
  readonly streamThresholdBytes: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxDocumentChars: 16 * 1024 * 1024,
  maxAliasExpansion: 100_000,
  maxAliases: 10_000,
  maxDepth: 100,
  streamThresholdBytes: 32 * 1024 * 1024,
};

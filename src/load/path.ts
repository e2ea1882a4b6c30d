/** A location inside a document: mapping keys are strings, sequence indexes are numbers. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** RFC 6901 JSON pointer for a path, e.g. `/spec/containers/0/image`. */
export function toPointer(path: Path): string {
  let pointer = '';
  for (const segment of path) {
    if (typeof segment === 'number') pointer += '/' + String(segment);
    else if (segment.includes('~') || segment.includes('/')) pointer += '/' + segment.replaceAll('~', '~0').replaceAll('/', '~1');
    else pointer += '/' + segment;
  }
  return pointer;
}

/** Dotted form for people, e.g. `spec.containers[0].image`. */
export function toDotted(path: Path): string {
  let dotted = '';
  for (const segment of path) {
    if (typeof segment === 'number') dotted += `[${String(segment)}]`;
    else dotted += dotted === '' ? segment : `.${segment}`;
  }
  return dotted;
}

/** A location inside a document: mapping keys are strings, sequence indexes are numbers. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** RFC 6901 JSON pointer for a path, e.g. `/spec/containers/0/image`. */
export function toPointer(path: Path): string {
  let pointer = '';
  for (const segment of path) {
    pointer += '/' + (typeof segment === 'number' ? String(segment) : segment.replaceAll('~', '~0').replaceAll('/', '~1'));
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

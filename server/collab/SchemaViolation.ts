/**
 * Where and why a story stopped fitting the article schema. `path` points into the story as
 * ProseMirror JSON (`doc.content[3].attrs.src`) or into the meta map (`meta.tags[1]`); `message`
 * reads like ProseMirror's own RangeErrors ("Unsupported attribute x for node of type figure").
 */
export interface SchemaViolation {
  path: string;
  message: string;
}

/** Thrown while reading a block, caught by the checker and returned as a SchemaViolation. */
export class SchemaViolationError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'SchemaViolationError';
    this.path = path;
  }
}

import type * as Y from 'yjs';

/** The root type (a top-level field of the Y.Doc) that `type` is nested in, or `type` itself. */
// `any`: Yjs types are invariant in their event type, and a root may be any of them.
export function rootOf(type: Y.AbstractType<any>): Y.AbstractType<any> {
  let current = type;
  while (current._item) current = current._item.parent as Y.AbstractType<any>;
  return current;
}

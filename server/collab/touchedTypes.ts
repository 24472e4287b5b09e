import * as Y from 'yjs';
import { articleSchema } from '../../shared/editor/schema.ts';

// Blocks whose content is any run of text (and inline nodes): more or fewer characters always fit.
const ANY_TEXT_CONTENT: ReadonlySet<string> = new Set(['text*', 'inline*']);

// New characters take on whatever formatting surrounds them; that is only safe while no mark type
// excludes another (each type appears at most once: checkFormatting refuses a second copy).
const MARKS = Object.values(articleSchema.marks);
const MARKS_COMBINE_FREELY = MARKS.every((a) => MARKS.every((b) => a === b || !a.excludes(b)));

function holdsAnyText(parent: unknown): boolean {
  if (!MARKS_COMBINE_FREELY || !(parent instanceof Y.XmlElement)) return false;
  const content = articleSchema.nodes[parent.nodeName]?.spec.content;
  return content !== undefined && ANY_TEXT_CONTENT.has(content);
}

// Calls `visit` on each struct of `client` in clocks [from, to): already split there by the transaction.
function forEachStruct(store: Y.Doc['store'], client: number, from: number, to: number, visit: (struct: Y.Item | Y.GC) => void): void {
  const structs = store.clients.get(client);
  if (!structs || from >= to) return;
  for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < to; i += 1) visit(structs[i]!);
}

/**
 * The shared types a Yjs transaction touched, as `schemaViolation` needs them: the keys of
 * `transaction.changed` (types whose children, text or attributes changed) plus every type the
 * transaction created and kept (Yjs leaves new types out of `changed`, so a new block and what it
 * holds would otherwise only show as a change to its parent).
 *
 * Left out: a Y.XmlText whose only change is characters typed or deleted (no formatting, no
 * embeds, no attributes) inside a block that takes any run of text (`text*`, `inline*`). New
 * characters carry formatting already in that text, and the check of every earlier change (and
 * `storyViolation`) refuses formatting a block does not allow even where it covers no character,
 * so a keystroke cannot break the schema and costs nothing to check, however long the paragraph.
 *
 * Call it while the transaction's observers run or from `afterTransaction` (its `afterState` is
 * set and nothing is merged or collected yet). Costs one pass over the transaction's new structs
 * and deleted ranges.
 */
export function touchedTypes(transaction: Y.Transaction): Array<Y.AbstractType<any>> {
  const { store } = transaction.doc;
  const created: Array<Y.AbstractType<any>> = [];
  // Texts that got something other than characters: formatting, an embed, a nested type.
  const formatted = new Set<Y.AbstractType<any>>();
  const note = (item: Y.Item): void => {
    if (item.parent instanceof Y.XmlText && !(item.content instanceof Y.ContentString)) formatted.add(item.parent);
  };
  transaction.afterState.forEach((after, client) => {
    forEachStruct(store, client, transaction.beforeState.get(client) ?? 0, after, (struct) => {
      if (!(struct instanceof Y.Item)) return;
      note(struct);
      if (!struct.deleted && struct.content instanceof Y.ContentType) created.push(struct.content.type);
    });
  });
  transaction.deleteSet.clients.forEach((ranges, client) => {
    for (const range of ranges) {
      forEachStruct(store, client, range.clock, range.clock + range.len, (struct) => {
        if (struct instanceof Y.Item) note(struct);
      });
    }
  });
  const touched: Array<Y.AbstractType<any>> = [];
  transaction.changed.forEach((keys, type) => {
    const typingOnly = type instanceof Y.XmlText && !formatted.has(type) && keys.size === 1 && keys.has(null) && holdsAnyText(type.parent);
    if (!typingOnly) touched.push(type);
  });
  return touched.concat(created);
}

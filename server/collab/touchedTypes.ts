import * as Y from 'yjs';

/**
 * The shared types a Yjs transaction touched, in the form `schemaViolation` needs: the keys of
 * `transaction.changed` (types whose children, text or attributes changed) plus every type the
 * transaction created and kept. Yjs leaves a type created in the transaction out of `changed`, so
 * a new block (and whatever it holds) would otherwise only show as a change to its parent.
 * Call it while the transaction's observers run or from `afterTransaction` (its `afterState` is
 * set and nothing is merged or collected yet). Costs one pass over the transaction's new structs.
 */
export function touchedTypes(transaction: Y.Transaction): Array<Y.AbstractType<any>> {
  const touched: Array<Y.AbstractType<any>> = [...transaction.changed.keys()];
  const { store } = transaction.doc;
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = store.clients.get(client);
    if (after <= before || !structs) return;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i += 1) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (struct instanceof Y.Item && !struct.deleted && struct.content instanceof Y.ContentType) touched.push(struct.content.type);
    }
  });
  return touched;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { CommitQueue } from '../collab/CommitQueue.ts';
import { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import { createArticle } from '../commands/createArticle.ts';
import { createLogger } from '../log.ts';
import { ManualClock } from '../publish/ManualClock.ts';
import { SqliteArticleStore } from '../storage/sqlite/SqliteArticleStore.ts';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore.ts';
import { SqliteVersionStore } from '../storage/sqlite/versions/SqliteVersionStore.ts';
import { openVersionsTestDatabase } from '../storage/sqlite/versions/testDatabase.ts';
import { AutoVersioner } from './AutoVersioner.ts';
import { captureTransitionVersion } from './captureTransitionVersion.ts';

const log = createLogger('silent');

describe('captureTransitionVersion', () => {
  let t: ReturnType<typeof openVersionsTestDatabase>;
  let registry: DocumentRegistry;
  let versions: SqliteVersionStore;
  let versioner: AutoVersioner;
  let articleId: string;

  beforeEach(async () => {
    t = openVersionsTestDatabase();
    const articleStore = new SqliteArticleStore(t.db);
    const docStore = new SqliteDocStore(t.db);
    versions = new SqliteVersionStore(t.db);
    const clock = new ManualClock('2024-05-01T09:00:00.000Z');
    registry = new DocumentRegistry({ docStore, commits: new CommitQueue(docStore, log), articleStore, config: { compactAfterUpdates: 500, summaryDebounceMs: 10, unloadDelayMs: 10 }, log });
    versioner = new AutoVersioner({ versions, clock, timers: clock, log, docFor: (id) => registry.loaded(id)?.ydoc ?? null });
    articleId = (await createArticle({ articleStore }, { headline: 'Council votes' })).id;
  });
  afterEach(async () => {
    versioner.stop();
    await registry.closeAll(1001);
    t.close();
  });

  it('keeps one version per transition, from storage or from the live document, with the period editors', async () => {
    await captureTransitionVersion({ registry, versioner }, { articleId, from: 'draft', to: 'in_review', by: 'ana' });

    const live = await registry.open(articleId);
    const paragraph = live.ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement;
    live.ydoc.transact(() => paragraph.insert(0, [new Y.XmlText('The council met.')]), { kind: 'server', reason: 'test' });
    versioner.change(articleId, 'bo');
    await captureTransitionVersion({ registry, versioner }, { articleId, from: 'in_review', to: 'draft', by: 'ed' });
    registry.release(articleId);
    await captureTransitionVersion({ registry, versioner }, { articleId, from: 'draft', to: 'in_review', by: 'ana' });

    const list = await versions.list(articleId);
    expect(list.map((v) => [v.number, v.kind, v.name, v.createdBy, v.editors, v.wordCount])).toEqual([
      [3, 'transition', 'Draft → In review', 'ana', [], 3],
      [2, 'transition', 'In review → Draft', 'ed', ['bo'], 3],
      [1, 'transition', 'Draft → In review', 'ana', [], 0],
    ]);
  });
});

import { Router } from 'express';
import * as Y from 'yjs';
import type { AppDeps } from '../AppDeps.ts';
import type { StoryAttribution } from '../storage/AuthorshipStore.ts';
import { findArticle } from '../routes/articles.ts';
import { storyAuthorship, type AuthorshipAccount } from './storyAuthorship.ts';
import { readStoredState } from '../storage/readStoredState.ts';

/** What the authorship route needs. */
export type AuthorshipRoutesDeps = Pick<AppDeps, 'articleStore' | 'docStore' | 'authorship' | 'registry' | 'accounts'>;

/** The stored attribution plus what the live document queued (a client id's first writer stays first). */
function withAttributedHere(stored: StoryAttribution, here: StoryAttribution): StoryAttribution {
  const known = new Set(stored.writers.map((writer) => writer.clientId));
  return {
    writers: [...stored.writers, ...here.writers.filter((writer) => !known.has(writer.clientId))],
    ranges: [...stored.ranges, ...here.ranges],
  };
}

/**
 * GET /api/articles/:id/authorship: the story's blocks as spans of text with their authors (who
 * typed them; what made server changes; "suggested by, accepted by"), read from the live document
 * when the story is open, else from storage.
 */
export function authorshipRoutes(deps: AuthorshipRoutesDeps): Router {
  const router = Router();

  router.get('/articles/:id/authorship', async (req, res) => {
    const record = await findArticle(deps, req.params.id);
    const [attribution, users] = await Promise.all([deps.authorship.load(record.id), deps.accounts.users.list()]);
    const accounts = new Map<string, AuthorshipAccount>(users.map((user) => [user.username.toLowerCase(), user]));
    const live = deps.registry.loaded(record.id);
    if (live) {
      res.json(storyAuthorship(record.id, live.ydoc, withAttributedHere(attribution, live.attributedHere()), accounts));
      return;
    }
    const state = await readStoredState(deps.docStore, record.id);
    // Opened meanwhile: the live document may hold edits not stored yet.
    const opened = deps.registry.loaded(record.id);
    const ydoc = opened ? opened.ydoc : new Y.Doc();
    try {
      if (!opened && state) Y.applyUpdate(ydoc, state);
      res.json(storyAuthorship(record.id, ydoc, opened ? withAttributedHere(attribution, opened.attributedHere()) : attribution, accounts));
    } finally {
      if (!opened) ydoc.destroy();
    }
  });

  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import { ErrorId, type RestoreBlockResponse } from '../../shared/api.ts';
import { authOf } from '../auth/authMiddleware.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { StoryLock } from '../collab/StoryLock.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import type { Clock } from '../publish/Clock.ts';
import type { ArticleMembers } from '../storage/ArticleMembers.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { AuditLog } from '../storage/AuditLog.ts';
import type { VersionStore } from '../storage/VersionStore.ts';
import type { AutoVersioner } from './AutoVersioner.ts';
import { restoreBlock } from './restoreBlock.ts';
import { requireDirectWrite } from './requireDirectWrite.ts';
import { presentVersionSummary } from './versionRoutes.ts';
import { changeLiveDoc } from './withLiveDoc.ts';

/** What restoring one block needs: the story, its live document, who may change it, its versions and its audit log. */
export interface BlockRestoreRoutesDeps {
  articleStore: Pick<ArticleStore, 'get'>;
  registry: Pick<DocumentRegistry, 'open' | 'release'>;
  members: Pick<ArticleMembers, 'get'>;
  versions: VersionStore;
  versioner: Pick<AutoVersioner, 'takeEditors'>;
  audit: Pick<AuditLog, 'append'>;
  clock: Clock;
  /** The story's turn across servers (null: one server). */
  storyLock?: StoryLock | null;
}

const versionNumber = z.coerce.number().int().min(1);
const restoreBody = z.object({ block: z.number().int().min(0) });
// How much of a block's text the activity log quotes.
const NOTE_TEXT_LENGTH = 80;

const BLOCK_NAMES: Record<string, string> = {
  paragraph: 'paragraph',
  heading: 'heading',
  figure: 'figure',
  relatedLink: 'READ MORE block',
  headline: 'headline',
  standfirst: 'standfirst',
};

/** "paragraph “The council approved…”": what the activity log says was restored. */
export function blockNote(type: string, text: string): string {
  const name = BLOCK_NAMES[type] ?? type;
  const quote = text.length > NOTE_TEXT_LENGTH ? `${text.slice(0, NOTE_TEXT_LENGTH - 1)}…` : text;
  return quote ? `${name} “${quote}”` : name;
}

/**
 * POST /api/articles/:id/versions/:v/blocks/restore `{ block }`: puts one top-level block of version
 * `v` (its index, as the comparison with the current story lists it) back into the live story as one
 * forward change everyone receives (see restoreBlock.ts), recorded in the story's activity log.
 * Who may: write access to the story, as for restoring a whole version; while the story is in review
 * with suggesting required, only editors and admins (everyone else may only suggest). Mount after
 * `requireSession`.
 */
export function blockRestoreRoutes(deps: BlockRestoreRoutesDeps): Router {
  const router = Router();

  router.post('/articles/:id/versions/:v/blocks/restore', async (req, res) => {
    const record = await deps.articleStore.get(req.params.id);
    if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(req.params.id)}.`);
    const { user } = authOf(res);
    await requireDirectWrite(deps.members, user, record);
    const parsed = versionNumber.safeParse(req.params.v);
    const version = parsed.success ? await deps.versions.get(record.id, parsed.data) : null;
    if (!version) throw new HttpError(404, ErrorId.NotFound, `The story has no version ${JSON.stringify(req.params.v)}.`);
    const { block } = parseBody(restoreBody, req.body);

    const result = await changeLiveDoc(deps.registry, deps.storyLock ?? null, record.id, (ydoc) =>
      restoreBlock(deps, { articleId: record.id, ydoc, version, block, by: user.username, takeEditors: () => deps.versioner.takeEditors(record.id) }),
    );
    if (!result.ok) {
      throw new HttpError(404, ErrorId.BlockNotFound, `Version ${version.number} has no block ${block}: it has blocks 0 to ${(version.doc.doc.content?.length ?? 1) - 1}.`);
    }
    if (result.change !== 'unchanged') {
      await deps.audit.append({
        articleId: record.id,
        actor: user.username,
        action: 'restore_block',
        from: String(version.number),
        to: result.change,
        note: blockNote(result.type, result.text),
        at: deps.clock.now().toISOString(),
      });
    }
    const body: RestoreBlockResponse = {
      change: result.change,
      at: result.at,
      type: result.type,
      before: result.before ? presentVersionSummary(result.before) : null,
    };
    res.json(body);
  });

  return router;
}

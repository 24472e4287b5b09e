import { Router, type Response } from 'express';
import type * as Y from 'yjs';
import { z } from 'zod';
import { ErrorId } from '../../shared/api.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { authOf } from '../auth/authMiddleware.ts';
import { storyAccess } from '../auth/storyAccess.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { StoryLock } from '../collab/StoryLock.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import type { Clock } from '../publish/Clock.ts';
import type { ArticleMembers } from '../storage/ArticleMembers.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { UserStore } from '../storage/UserStore.ts';
import type { Version, VersionStore, VersionSummary } from '../storage/VersionStore.ts';
import { displayNames } from '../presenters/displayNames.ts';
import { articleNode } from '../../shared/article/articleNode.ts';
import type { RestorableBlock } from '../../shared/api.ts';
import { restorableBlocks } from './matchBlocks.ts';
import { requireDirectWrite } from './requireDirectWrite.ts';
import { changeLiveDoc, withLiveDoc as withStoryDoc } from './withLiveDoc.ts';
import type { AutoVersioner } from './AutoVersioner.ts';
import { compareVersions } from './compareVersions.ts';
import { restoreVersion } from './restoreVersion.ts';
import { versionHtml } from './versionHtml.ts';

/** What the version routes need. `registry` gives the LIVE document, opened for the request when nobody has it open. */
export interface VersionRoutesDeps {
  articleStore: Pick<ArticleStore, 'get'>;
  registry: Pick<DocumentRegistry, 'open' | 'release'>;
  members: Pick<ArticleMembers, 'get'>;
  /** For the display names of everyone a version names. */
  users: Pick<UserStore, 'list'>;
  versions: VersionStore;
  versioner: AutoVersioner;
  clock: Clock;
  /** The story's turn across servers for a restore (null: one server). */
  storyLock?: StoryLock | null;
}

/** Longest name of a named version. */
export const VERSION_NAME_MAX_LENGTH = 200;

const saveBody = z.object({ name: z.string().trim().min(1, 'A name is required.').max(VERSION_NAME_MAX_LENGTH) });
const formatQuery = z.object({ format: z.enum(['json', 'html']).default('json') });
const compareQuery = z.object({ to: z.union([z.literal('current'), z.coerce.number().int().min(1)]) });
const versionNumber = z.coerce.number().int().min(1);

/**
 * /api/articles/:id/versions: list, save a named version, read one (JSON or `?format=html`),
 * compare one with another or with the current story (`/compare?to=<n|current>`), restore one.
 * Every signed-in user reads; saving and restoring need write access to the story.
 * Mount after `requireSession`.
 */
export function versionRoutes(deps: VersionRoutesDeps): Router {
  const router = Router();

  const findStory = async (id: string): Promise<ArticleRecord> => {
    const record = await deps.articleStore.get(id);
    if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(id)}.`);
    return record;
  };
  const findVersion = async (articleId: string, raw: string): Promise<Version> => {
    const parsed = versionNumber.safeParse(raw);
    const version = parsed.success ? await deps.versions.get(articleId, parsed.data) : null;
    if (!version) throw new HttpError(404, ErrorId.NotFound, `The story has no version ${JSON.stringify(raw)}.`);
    return version;
  };
  const requireWrite = async (res: Response, record: ArticleRecord): Promise<string> => {
    const { user } = authOf(res);
    if (storyAccess(user, record.status, await deps.members.get(record.id), (record.spikedAt ?? null) !== null) !== 'write') {
      throw new HttpError(403, ErrorId.Forbidden, 'You may not change this story.');
    }
    return user.username;
  };
  /** Runs `fn` with the story's live document, holding it open meanwhile. */
  const withLiveDoc = <T>(articleId: string, fn: (ydoc: Y.Doc) => T | Promise<T>): Promise<T> => withStoryDoc(deps.registry, articleId, fn);

  router.get('/articles/:id/versions', async (req, res) => {
    const record = await findStory(req.params.id);
    const versions: VersionSummary[] = await deps.versions.list(record.id);
    // Display names of everyone the versions name, whether or not the story lists them as its people.
    const all = await displayNames(deps.users);
    const names: Record<string, string> = {};
    for (const username of versions.flatMap((version) => [...version.editors, ...(version.createdBy ? [version.createdBy] : [])])) {
      const name = all.get(username.toLowerCase());
      if (name) names[username] = name;
    }
    res.json({ versions, names });
  });

  router.post('/articles/:id/versions', async (req, res) => {
    const record = await findStory(req.params.id);
    const by = await requireWrite(res, record);
    const { name } = parseBody(saveBody, req.body);
    const result = await withLiveDoc(record.id, (ydoc) => deps.versioner.capture({ articleId: record.id, ydoc, kind: 'named', name, by }));
    if (!result.captured) throw new Error('a named version is always captured');
    res.location(`/api/articles/${record.id}/versions/${result.version.number}`);
    res.status(201).json(presentVersionSummary(result.version));
  });

  router.get('/articles/:id/versions/:v', async (req, res) => {
    const record = await findStory(req.params.id);
    const { format } = parseBody(formatQuery, { format: req.query.format });
    const version = await findVersion(record.id, req.params.v);
    if (format === 'html') res.type('text/html; charset=utf-8').send(versionHtml(version));
    else res.json({ version: presentVersionSummary(version), article: version.doc });
  });

  router.get('/articles/:id/versions/:v/compare', async (req, res) => {
    const record = await findStory(req.params.id);
    const from = await findVersion(record.id, req.params.v);
    const { to } = parseBody(compareQuery, { to: req.query.to });
    const other =
      to === 'current'
        ? { number: 0, doc: await withLiveDoc(record.id, (ydoc) => readArticle(ydoc)) }
        : await findVersion(record.id, String(to));
    const { diff, html } = compareVersions(from, other);
    // Against the current story, the blocks of `from` that POST …/blocks/restore would put back.
    const restorable: RestorableBlock[] = to === 'current' ? restorableBlocks(articleNode(from.doc.doc), articleNode(other.doc.doc)) : [];
    res.json({ from: from.number, to, diff, html, restorable });
  });

  router.post('/articles/:id/versions/:v/restore', async (req, res) => {
    const record = await findStory(req.params.id);
    // Restoring rewrites the text directly: refused to those who may only suggest, as a socket's edit would be.
    const { user } = authOf(res);
    await requireDirectWrite(deps.members, user, record);
    const by = user.username;
    const version = await findVersion(record.id, req.params.v);
    const result = await changeLiveDoc(deps.registry, deps.storyLock ?? null, record.id, (ydoc) =>
      restoreVersion(deps, { articleId: record.id, ydoc, version: version.number, by, editors: deps.versioner.takeEditors(record.id) }),
    );
    if (!result.ok) throw new HttpError(404, ErrorId.NotFound, `The story has no version ${version.number}.`);
    res.json({ restored: presentVersionSummary(result.restored), before: presentVersionSummary(result.before) });
  });

  return router;
}

/** A version as lists and responses show it: never its Yjs state or document. */
export function presentVersionSummary(version: VersionSummary): VersionSummary {
  const { id, articleId, number, kind, name, createdAt, createdBy, editors, wordCount } = version;
  return { id, articleId, number, kind, name, createdAt, createdBy, editors, wordCount };
}

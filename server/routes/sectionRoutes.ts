import { Router } from 'express';
import { z } from 'zod';
import { ErrorId } from '../../shared/api.ts';
import { SectionBody, SectionSettingsBody, type BylinePerson, type DeskSection, type SectionList } from '../../shared/sections.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { SectionExistsError, type SectionStore } from '../storage/SectionStore.ts';

const sectionId = z.coerce.number().int().positive();

function idOf(raw: unknown): number {
  const parsed = sectionId.safeParse(raw);
  if (!parsed.success) throw new HttpError(404, ErrorId.SectionNotFound, 'There is no such section.');
  return parsed.data;
}

function taken(error: unknown): never {
  if (error instanceof SectionExistsError) throw new HttpError(409, ErrorId.SectionExists, error.message);
  throw error;
}

/**
 * The desk's section list: GET /api/sections for everyone signed in (the section field offers
 * it, with whether free text is off); POST, PATCH /:id, DELETE /:id and PUT /settings
 * ({listOnly}) for admins, each change in the audit log. GET /api/bylines/people
 * for everyone who writes: the active accounts a byline can name (username and display name only).
 */
export function sectionRoutes(deps: Pick<AppDeps, 'accounts' | 'publishing'> & { sections: SectionStore }): Router {
  const router = Router();
  const { sections } = deps;
  const { audit, users } = deps.accounts;
  const adminOnly = requireRole('admin');
  const now = () => deps.publishing.clock.now().toISOString();

  router.get('/sections', async (_req, res) => {
    const list: SectionList = { sections: await sections.list(), listOnly: await sections.listOnly() };
    res.json(list);
  });

  router.put('/sections/settings', adminOnly, async (req, res) => {
    const { listOnly } = parseBody(SectionSettingsBody, req.body);
    if ((await sections.listOnly()) !== listOnly) {
      await sections.setListOnly(listOnly);
      await audit.append({ articleId: null, actor: authOf(res).user.username, action: 'section_list_only', to: String(listOnly), at: now() });
    }
    res.json({ listOnly });
  });

  router.post('/sections', adminOnly, async (req, res) => {
    const { name } = parseBody(SectionBody, req.body);
    const at = now();
    const section = await sections.add(name, at).catch(taken);
    await audit.append({ articleId: null, actor: authOf(res).user.username, action: 'section_added', to: section.name, at });
    res.status(201).json(section satisfies DeskSection);
  });

  router.patch('/sections/:id', adminOnly, async (req, res) => {
    const id = idOf(req.params.id);
    const { name } = parseBody(SectionBody, req.body);
    const before = (await sections.list()).find((section) => section.id === id);
    if (!before) throw new HttpError(404, ErrorId.SectionNotFound, 'There is no such section.');
    const section = await sections.rename(id, name).catch(taken);
    if (!section) throw new HttpError(404, ErrorId.SectionNotFound, 'There is no such section.');
    if (before.name !== section.name) {
      await audit.append({ articleId: null, actor: authOf(res).user.username, action: 'section_renamed', from: before.name, to: section.name, at: now() });
    }
    res.json(section satisfies DeskSection);
  });

  router.delete('/sections/:id', adminOnly, async (req, res) => {
    const id = idOf(req.params.id);
    const before = (await sections.list()).find((section) => section.id === id);
    if (!before || !(await sections.remove(id))) throw new HttpError(404, ErrorId.SectionNotFound, 'There is no such section.');
    await audit.append({ articleId: null, actor: authOf(res).user.username, action: 'section_removed', from: before.name, at: now() });
    res.status(204).end();
  });

  router.get('/bylines/people', requireRole('reporter', 'editor', 'admin'), async (_req, res) => {
    const people: BylinePerson[] = (await users.list())
      .filter((user) => !user.disabled)
      .map((user) => ({ username: user.username, displayName: user.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
    res.json({ people });
  });

  return router;
}

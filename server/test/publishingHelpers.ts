import { readFileSync } from 'node:fs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { setMetaText, setTags } from '../../shared/article/meta.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import { api, connectClient, waitFor, type Auth } from './helpers.ts';

/** The handbook folder beside the repository (fixtures, standards), resolved from this file. */
export const HANDBOOK = new URL('../../../shared/', import.meta.url);

/** The fixture story as plain text, from the handbook. */
export function fixtureText(): string {
  return readFileSync(new URL('fixtures/article-north-korea-exodus.txt', HANDBOOK), 'utf8');
}

const readSchema = (name: string) => JSON.parse(readFileSync(new URL(`standards/ninjs/${name}`, HANDBOOK), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020();
addFormats(ajv);
ajv.addSchema(readSchema('GeoJSON-schema.json'));
const validate = ajv.compile(readSchema('ninjs-schema_3.1.json'));

/** The ninjs 3.1 schema's errors for `item` (empty when it validates). */
export function ninjsErrors(item: unknown): unknown[] {
  return validate(item) ? [] : [...(validate.errors ?? [])];
}

/** The fixture story with `change` applied, and its Copydesk READ MORE link pointing at `linkedId` (or made external). */
export function storyWith(change: (article: ArticleJson) => void = () => {}, linkedId: string | null = null): ArticleJson {
  const article = fixtureArticleJson();
  for (const block of article.doc.content ?? []) {
    if (block.type === 'relatedLink' && String(block.attrs?.href).startsWith('/stories/')) {
      block.attrs = { ...block.attrs, href: linkedId === null ? 'https://elsewhere.example.net/north-korea-warns-us' : `/stories/${linkedId}` };
    }
  }
  change(article);
  return article;
}

/** Replaces story `id`'s document and meta with `article` through a collaboration socket, and waits until the server has it. */
export async function writeStory(baseUrl: string, id: string, auth: Auth, article: ArticleJson): Promise<void> {
  const client = connectClient(baseUrl, id, { auth });
  try {
    await client.synced;
    client.ydoc.transact(() => {
      prosemirrorJSONToYXmlFragment(articleSchema, article.doc, client.ydoc.getXmlFragment(DOC_FIELD));
      setMetaText(client.ydoc, 'byline', article.meta.byline);
      setMetaText(client.ydoc, 'section', article.meta.section);
      setMetaText(client.ydoc, 'slug', article.meta.slug);
      setTags(client.ydoc, article.meta.tags);
    });
    const expected = JSON.stringify(client.ydoc.getXmlFragment(DOC_FIELD).toJSON());
    const watcher = connectClient(baseUrl, id, { auth });
    try {
      await waitFor('the story to reach the server', () => JSON.stringify(watcher.ydoc.getXmlFragment(DOC_FIELD).toJSON()) === expected && watcher.ydoc.getMap('meta').get('slug') === article.meta.slug);
    } finally {
      watcher.destroy();
    }
  } finally {
    client.destroy();
  }
}

/** Moves a story the signed-in owner/editor `auth` may move from draft to approved. */
export async function approve(baseUrl: string, id: string, auth: Auth): Promise<void> {
  for (const to of ['in_review', 'approved']) {
    const moved = await api(baseUrl, 'POST', `/api/articles/${id}/transitions`, { to }, auth);
    if (moved.status !== 200) throw new Error(`moving ${id} to ${to} failed with ${moved.status}: ${JSON.stringify(moved.body)}`);
  }
}

/** GET without any session or Origin: what a reader of the public site gets. */
export async function publicGet(baseUrl: string, pathname: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(baseUrl + pathname, { redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

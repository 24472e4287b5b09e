import * as Y from 'yjs';
import type { AuthorshipBlock, AuthorshipPerson, AuthorshipSpan, StoryAuthor, StoryAuthorship } from '../../shared/authorship.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import type { ChangeRange, StoryAttribution } from '../storage/AuthorshipStore.ts';

/** An account as the authorship view shows it. */
export interface AuthorshipAccount {
  displayName: string;
  color: string;
}

/** Grey for words the server wrote on someone's behalf, and for words nobody is known to have written. */
export const SERVER_MADE_COLOR = '#6b7280';
export const UNKNOWN_COLOR = '#9e9e9e';

const KIND_LABELS: Record<Exclude<ChangeRange['kind'], 'accepted_suggestion'>, string> = {
  create: 'Headline given at creation',
  import: 'Imported',
  restore: 'Restored',
  block_restore: 'Restored block',
  refused_undo: 'Put back after a refused change',
  comment: 'Comment',
  server: 'The server',
};

/**
 * Who wrote each word of the story in `ydoc`: walks the story fragment's items (deleted ones
 * skipped), names each character by its item id (client id → writer, clock ranges → what made
 * server changes or accepted suggestions), and merges neighbouring characters of one author into
 * spans. On demand only (the API call), never per keystroke.
 */
export function storyAuthorship(
  articleId: string,
  ydoc: Y.Doc,
  attribution: StoryAttribution,
  accounts: ReadonlyMap<string, AuthorshipAccount>,
): StoryAuthorship {
  const writers = new Map(attribution.writers.map((writer) => [writer.clientId, writer.username]));
  const rangesOf = new Map<number, ChangeRange[]>();
  for (const range of attribution.ranges) {
    const list = rangesOf.get(range.clientId) ?? [];
    list.push(range);
    rangesOf.set(range.clientId, list);
  }
  const authors = new Map<string, StoryAuthor>();

  const person = (username: string): AuthorshipPerson => ({ username, name: accounts.get(username.toLowerCase())?.displayName ?? username });
  const colorOf = (username: string) => accounts.get(username.toLowerCase())?.color ?? UNKNOWN_COLOR;
  const author = (id: string, make: () => Omit<StoryAuthor, 'id'>): string => {
    if (!authors.has(id)) authors.set(id, { id, ...make() });
    return id;
  };

  const authorOf = (clientId: number, range: ChangeRange | null): string => {
    const writer = writers.get(clientId) ?? null;
    if (range?.kind === 'accepted_suggestion') {
      const accepter = range.by ?? '';
      return author(`accepted_suggestion:${writer ?? ''}:${accepter}`, () => {
        const suggester = writer ? person(writer) : null;
        const by = accepter ? person(accepter) : null;
        return {
          kind: 'accepted_suggestion',
          writer: suggester,
          by,
          label: `Suggested by ${suggester?.name ?? 'someone unknown'}, accepted by ${by?.name ?? 'someone unknown'}`,
          color: writer ? colorOf(writer) : UNKNOWN_COLOR,
        };
      });
    }
    if (range) {
      const { kind } = range;
      const keyed = kind === 'restore' || kind === 'block_restore' ? `:${range.detail ?? ''}` : '';
      return author(`${kind}:${range.by ?? ''}${keyed}`, () => {
        const by = range.by ? person(range.by) : null;
        const version = keyed && range.detail ? ` (version ${range.detail})` : '';
        return { kind, writer: null, by, label: `${KIND_LABELS[kind]}${by ? ` by ${by.name}` : ''}${version}`, color: SERVER_MADE_COLOR };
      });
    }
    if (writer) {
      return author(`writer:${writer.toLowerCase()}`, () => {
        const who = person(writer);
        return { kind: 'writer', writer: who, by: null, label: who.name, color: colorOf(writer) };
      });
    }
    return author('unknown', () => ({ kind: 'unknown', writer: null, by: null, label: 'Unknown (written before authorship was recorded)', color: UNKNOWN_COLOR }));
  };

  /** Appends `text`, written by items of `clientId` from `clock`, to `spans`, split where its author changes. */
  const addText = (spans: AuthorshipSpan[], clientId: number, clock: number, text: string): void => {
    const ranges = rangesOf.get(clientId) ?? [];
    let offset = 0;
    while (offset < text.length) {
      const at = clock + offset;
      const range = ranges.find((candidate) => candidate.from <= at && at < candidate.to) ?? null;
      let stop = text.length;
      if (range) stop = Math.min(stop, range.to - clock);
      else for (const candidate of ranges) if (candidate.from > at) stop = Math.min(stop, candidate.from - clock);
      const id = authorOf(clientId, range);
      const piece = text.slice(offset, stop);
      const last = spans.at(-1);
      if (last && last.author === id) last.text += piece;
      else spans.push({ text: piece, author: id });
      offset = stop;
    }
  };

  const walk = (type: Y.AbstractType<unknown>, spans: AuthorshipSpan[]): void => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentString) addText(spans, item.id.client, item.id.clock, item.content.str);
      else if (item.content instanceof Y.ContentType) walk(item.content.type, spans);
    }
  };

  const blocks: AuthorshipBlock[] = [];
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  for (let item = fragment._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const block = item.content.type;
    const spans: AuthorshipSpan[] = [];
    walk(block, spans);
    blocks.push({ type: block instanceof Y.XmlElement ? block.nodeName : 'text', spans });
  }
  return { articleId, authors: [...authors.values()], blocks };
}

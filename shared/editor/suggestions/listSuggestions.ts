import type { Node as PMNode } from '@tiptap/pm/model';
import type { MarkJson } from './SuggestionFormat.ts';
import type { BlockSuggestionKind, SuggestionAttrs, SuggestionAuthor } from './suggestionAttributes.ts';
import { blockSuggestionOf, DELETE_MARK, FORMAT_MARK, INSERT_MARK, SUGGESTION_MARK_NAMES } from './suggestionMarks.ts';

/** What a suggestion does, for the sidebar: add text, remove text, replace text, or change formatting. */
export type SuggestionKind = 'insert' | 'delete' | 'replace' | 'format';

/** One pending suggestion: who, when, what it changes and where. */
export interface SuggestionSummary extends SuggestionAttrs {
  kind: SuggestionKind;
  author: SuggestionAuthor;
  /** The text it is about: inserted text, else deleted text, else the reformatted text. */
  text: string;
  inserted: string;
  deleted: string;
  /** Mark names the suggestion adds and removes (format suggestions). */
  formats: { added: string[]; removed: string[] };
  /** Figures, READ MORE links and rules it inserts or deletes whole. */
  blocks: { type: string; kind: BlockSuggestionKind }[];
  /** Document range it spans, first character to last. */
  from: number;
  to: number;
}

/** A summary being gathered: the reformatted text is kept apart until the kind is known. */
type Draft = SuggestionSummary & { formatted: string };

function entryFor(byId: Map<string, Draft>, attrs: SuggestionAttrs, from: number, to: number): Draft {
  let entry = byId.get(attrs.id);
  if (!entry) {
    const { id, authorId, authorName, color, createdAt } = attrs;
    entry = {
      id, authorId, authorName, color, createdAt,
      kind: 'insert',
      author: { id: authorId, name: authorName, color },
      text: '', inserted: '', deleted: '', formatted: '',
      formats: { added: [], removed: [] },
      blocks: [],
      from, to,
    };
    byId.set(attrs.id, entry);
  }
  entry.from = Math.min(entry.from, from);
  entry.to = Math.max(entry.to, to);
  return entry;
}

function addOnce(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}

function kindOf(entry: Draft): SuggestionKind {
  if (entry.inserted || entry.blocks.some((block) => block.kind === 'insert')) {
    return entry.deleted || entry.blocks.some((block) => block.kind === 'delete') ? 'replace' : 'insert';
  }
  if (entry.deleted || entry.blocks.length) return 'delete';
  return 'format';
}

/** Every pending suggestion of a document (text, format and block suggestions), in document order. */
export function listSuggestions(doc: PMNode): SuggestionSummary[] {
  const byId = new Map<string, Draft>();
  doc.descendants((node, pos) => {
    const block = blockSuggestionOf(node);
    if (block) entryFor(byId, block, pos, pos + node.nodeSize).blocks.push({ type: node.type.name, kind: block.kind });
    if (!node.isInline) return true;
    const text = node.text ?? '';
    for (const mark of node.marks) {
      if (!SUGGESTION_MARK_NAMES.has(mark.type.name)) continue;
      const entry = entryFor(byId, mark.attrs as SuggestionAttrs, pos, pos + node.nodeSize);
      if (mark.type.name === INSERT_MARK) entry.inserted += text;
      else if (mark.type.name === DELETE_MARK) entry.deleted += text;
      else if (mark.type.name === FORMAT_MARK) {
        entry.formatted += text;
        const before = ((mark.attrs.before ?? []) as MarkJson[]).map((json) => json.type);
        const now = node.marks.filter((current) => !SUGGESTION_MARK_NAMES.has(current.type.name)).map((current) => current.type.name);
        now.filter((name) => !before.includes(name)).forEach((name) => addOnce(entry.formats.added, name));
        before.filter((name) => !now.includes(name)).forEach((name) => addOnce(entry.formats.removed, name));
      }
    }
    return false;
  });
  return [...byId.values()]
    .map(({ formatted, ...summary }): SuggestionSummary => ({
      ...summary,
      kind: kindOf({ ...summary, formatted }),
      text: summary.inserted || summary.deleted || formatted,
    }))
    .sort((a, b) => a.from - b.from);
}

import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddNodeMarkStep, AttrStep, DocAttrStep, RemoveNodeMarkStep, ReplaceAroundStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { acceptAllSuggestions, acceptSuggestion, rejectAllSuggestions, rejectSuggestion, RESOLVE_SUGGESTION_META } from './resolveSuggestions.ts';
import { suggestionColor, type SuggestionAuthor } from './suggestionAttributes.ts';
import { blockSuggestionOf } from './suggestionMarks.ts';
import { stripSuggestions, trackChanges } from './trackChanges.ts';

/** Transaction meta: set it (to true) on a programmatic change that must never become a suggestion. */
export const SKIP_SUGGESTIONS_META = 'skipSuggestions';

/** Transaction meta on the transactions SuggestingMode appends (the rewritten edits). */
export const TRACKED_SUGGESTIONS_META = 'suggestionsTracked';

/** The plugin key; `setSuggesting` sets `{ on }` as its meta. */
export const suggestingModeKey = new PluginKey<SuggestingState>('suggestingMode');

/** Why a change was refused in suggesting mode, for the editor to show. */
export const REFUSED_BLOCK_CHANGE =
  'Block changes (headings, lists, quotes, figure details) cannot be suggested yet: switch suggesting off to make them.';

/** The plugin's state: whether this user has suggesting switched on. */
export interface SuggestingState {
  on: boolean;
}

/** Options of SuggestingMode. */
export interface SuggestingModeOptions {
  /** Whether suggesting starts switched on. */
  enabled: boolean;
  /** When it returns true (a story that requires suggestions in review), suggesting is on and cannot be switched off. */
  required: () => boolean;
  /** The signed-in user; null means no suggestions can be attributed, so suggesting stays off. */
  author: () => SuggestionAuthor | null;
  now: () => Date;
  newId: () => string;
  /** Called with a reason when a local change is refused because it cannot be a suggestion. */
  onRefused: (reason: string) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestingMode: {
      /** Switches suggesting on or off for this user; refused (false) when off is asked while suggestions are required. */
      setSuggesting: (on: boolean) => ReturnType;
      /** Accepts one suggestion by id, for everyone in the story. */
      acceptSuggestion: (id: string) => ReturnType;
      /** Rejects one suggestion by id. */
      rejectSuggestion: (id: string) => ReturnType;
      /** Accepts every pending suggestion. */
      acceptAll: () => ReturnType;
      /** Rejects every pending suggestion. */
      rejectAll: () => ReturnType;
    };
  }
}

/** Whether suggesting is in effect for `state` (switched on, or required) under `options`. */
export function isSuggesting(state: EditorState, options: Pick<SuggestingModeOptions, 'required' | 'author'>): boolean {
  if (!options.author()) return false;
  return options.required() || Boolean(suggestingModeKey.getState(state)?.on);
}

/** Whether `tr` is the local user's own edit: not a collaborator's, not accept/reject, not marked to skip. */
export function isLocalEdit(tr: Transaction): boolean {
  return (
    tr.docChanged &&
    !tr.getMeta(ySyncPluginKey) &&
    !tr.getMeta(RESOLVE_SUGGESTION_META) &&
    !tr.getMeta(SKIP_SUGGESTIONS_META) &&
    !tr.getMeta(TRACKED_SUGGESTIONS_META) &&
    tr.getMeta('addToHistory') !== false
  );
}

function changesBlocks(tr: Transaction): boolean {
  return tr.steps.some(
    (step) =>
      step instanceof ReplaceAroundStep ||
      step instanceof AttrStep ||
      step instanceof DocAttrStep ||
      step instanceof AddNodeMarkStep ||
      step instanceof RemoveNodeMarkStep,
  );
}

function blockDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const suggestion = blockSuggestionOf(node);
    if (!suggestion) return !node.isTextblock;
    const color = suggestionColor(suggestion.color);
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        class: `suggestion-block suggestion-block-${suggestion.kind}`,
        style: `outline: 2px ${suggestion.kind === 'insert' ? 'solid' : 'dashed'} ${color}`,
        'data-suggestion-id': suggestion.id,
        'data-author': suggestion.authorName,
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Suggestion mode for one user's editor: while it is on, this user's typing, deleting, pasting,
 * formatting and figure/READ MORE insertions become suggestions instead of changes; while it is
 * off, text this user types is always plain. Add it next to `suggestionArticleExtensions()`.
 *
 * The user's transaction is applied as ProseMirror made it, and `appendTransaction` rewrites its
 * effect (re-inserting deleted content marked deleted, marking inserted content). This keeps
 * input rules, IME and every command working unchanged, and y-prosemirror only ever sees the
 * final document of the dispatch: it writes a formatting change for text that was "deleted and
 * put back", so the Yjs items, and collaborators' positions in them, are kept.
 */
export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: 'suggestingMode',

  addOptions() {
    return {
      enabled: false,
      required: () => false,
      author: () => null,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      onRefused: () => undefined,
    };
  },

  addCommands() {
    const run =
      (build: (state: EditorState) => Transaction | null) =>
      ({ state, dispatch }: { state: EditorState; dispatch?: (tr: Transaction) => void }) => {
        const tr = build(state);
        if (!tr) return false;
        dispatch?.(tr);
        return true;
      };
    return {
      setSuggesting:
        (on) =>
        ({ tr, dispatch }) => {
          if (!on && this.options.required()) return false;
          if (dispatch) tr.setMeta(suggestingModeKey, { on });
          return true;
        },
      acceptSuggestion: (id) => run((state) => acceptSuggestion(state, id)),
      rejectSuggestion: (id) => run((state) => rejectSuggestion(state, id)),
      acceptAll: () => run(acceptAllSuggestions),
      rejectAll: () => run(rejectAllSuggestions),
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<SuggestingState>({
        key: suggestingModeKey,
        state: {
          init: () => ({ on: options.enabled }),
          apply: (tr, value) => {
            const meta = tr.getMeta(suggestingModeKey) as Partial<SuggestingState> | undefined;
            return typeof meta?.on === 'boolean' ? { on: meta.on } : value;
          },
        },
        filterTransaction: (tr, state) => {
          if (!isLocalEdit(tr) || !isSuggesting(state, options) || !changesBlocks(tr)) return true;
          options.onRefused(REFUSED_BLOCK_CHANGE);
          return false;
        },
        appendTransaction: (transactions, oldState, newState) => {
          if (!transactions.some(isLocalEdit)) return null;
          const author = options.author();
          const tr =
            author && isSuggesting(oldState, options)
              ? trackChanges(oldState, newState, transactions, isLocalEdit, { author, now: options.now(), newId: options.newId })
              : stripSuggestions(newState, transactions, isLocalEdit);
          return tr?.setMeta(TRACKED_SUGGESTIONS_META, true) ?? null;
        },
        props: {
          decorations: (state) => blockDecorations(state.doc),
        },
      }),
    ];
  },
});

/** Whether suggesting is in effect in `editor` (false when SuggestingMode is not installed). */
export function isSuggestingEditor(editor: Editor): boolean {
  const extension = editor.extensionManager.extensions.find((candidate) => candidate.name === 'suggestingMode');
  return extension ? isSuggesting(editor.state, extension.options as SuggestingModeOptions) : false;
}

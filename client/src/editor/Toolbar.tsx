import type { ReactNode } from 'react';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { icons } from './icons.tsx';
import { EDITOR_SHORTCUTS, shortcutLabel } from './shortcuts.ts';

/** The dialogs the toolbar can open; the editor page owns them. */
export type ToolbarDialog = 'link' | 'figure' | 'relatedLink' | 'shortcuts';

function ToolButton({ label, shortcut, active, disabled, onClick, children }: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  const hint = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  return (
    <button
      type="button"
      className={`tool${active ? ' is-active' : ''}`}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      title={hint}
      disabled={disabled}
      aria-keyshortcuts={shortcut?.replace('Mod', 'Control').replaceAll('-', '+')}
      // Keeps the editor's selection: a click on a toolbar button must not blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Formatting and insertion controls, showing what applies at the cursor. */
export function Toolbar({ editor, onOpen, authorship }: {
  editor: Editor;
  onOpen: (dialog: ToolbarDialog) => void;
  /** The "Authorship" view: whether it is on, and its switch. */
  authorship?: { on: boolean; toggle: () => void };
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const inBody = !e.isActive('headline') && !e.isActive('standfirst');
      return {
        inBody,
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        link: e.isActive('link'),
        h2: e.isActive('heading', { level: 2 }),
        h3: e.isActive('heading', { level: 3 }),
        quote: e.isActive('blockquote'),
        bullet: e.isActive('bulletList'),
        ordered: e.isActive('orderedList'),
        figure: e.isActive('figure'),
        canBold: e.can().toggleBold(),
        canItalic: e.can().toggleItalic(),
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
      };
    },
  });
  const chain = () => editor.chain().focus();

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <div className="tool-group">
        <ToolButton {...EDITOR_SHORTCUTS.undo} disabled={!state.canUndo} onClick={() => chain().undo().run()}>
          {icons.undo}
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.redo} disabled={!state.canRedo} onClick={() => chain().redo().run()}>
          {icons.redo}
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton {...EDITOR_SHORTCUTS.bold} active={state.bold} disabled={!state.canBold} onClick={() => chain().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.italic} active={state.italic} disabled={!state.canItalic} onClick={() => chain().toggleItalic().run()}>
          <i>I</i>
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.link} active={state.link} disabled={!state.inBody} onClick={() => onOpen('link')}>
          {icons.link}
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton {...EDITOR_SHORTCUTS.h2} active={state.h2} disabled={!state.inBody} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          H2
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.h3} active={state.h3} disabled={!state.inBody} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          H3
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.quote} active={state.quote} disabled={!state.inBody} onClick={() => chain().toggleBlockquote().run()}>
          {icons.quote}
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.bulletList} active={state.bullet} disabled={!state.inBody} onClick={() => chain().toggleBulletList().run()}>
          {icons.bulletList}
        </ToolButton>
        <ToolButton {...EDITOR_SHORTCUTS.orderedList} active={state.ordered} disabled={!state.inBody} onClick={() => chain().toggleOrderedList().run()}>
          {icons.orderedList}
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={state.figure ? 'Edit figure' : 'Insert figure'} active={state.figure} onClick={() => onOpen('figure')}>
          {icons.figure}
          <span className="tool-text">Figure</span>
        </ToolButton>
        <ToolButton label="Insert READ MORE link" onClick={() => onOpen('relatedLink')}>
          {icons.readMore}
          <span className="tool-text">Read more</span>
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label="Keyboard shortcuts" shortcut="?" onClick={() => onOpen('shortcuts')}>
          <span className="tool-text">Shortcuts</span>
        </ToolButton>
        {authorship ? (
          <ToolButton label="Authorship: colour the text by who wrote it" active={authorship.on} onClick={authorship.toggle}>
            <span className="tool-text">Authorship</span>
          </ToolButton>
        ) : null}
      </div>
    </div>
  );
}

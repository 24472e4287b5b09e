import { useEffect, useState } from 'react';
import { exportUrl } from '../api.ts';
import { connectionLabel } from '../collab/connectionLabel.ts';
import { useCollabDoc } from '../collab/useCollabDoc.ts';
import { usePeople } from '../collab/usePeople.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionIndicator } from '../components/ConnectionIndicator.tsx';
import { PeopleStack } from '../components/PeopleStack.tsx';
import { EditorWorkspace } from '../editor/EditorWorkspace.tsx';
import { Link } from '../router/Link.tsx';
import { NameDialog } from '../user/NameDialog.tsx';
import { useIdentity } from '../user/useIdentity.ts';

/** One story, open for co-editing. */
export function StoryEditorPage({ articleId }: { articleId: string }) {
  const [identity, saveName] = useIdentity();
  const [renaming, setRenaming] = useState(false);
  const { session, state } = useCollabDoc(articleId, identity);
  const people = usePeople(session?.provider.awareness ?? null);
  const label = connectionLabel(state);

  useEffect(() => {
    document.title = 'Story · Copydesk';
  }, []);

  return (
    <div className="page page-editor">
      <AppHeader>
        <Link href="/" className="back-link">
          ← All stories
        </Link>
        <ConnectionIndicator label={label} />
        <div className="masthead-spacer" />
        <PeopleStack people={people} label="In this story" max={6} />
        {identity ? (
          <button type="button" className="button button-quiet" onClick={() => setRenaming(true)} title="Change your name">
            {identity.name}
          </button>
        ) : null}
        {state.fatal ? null : (
        <details className="menu">
          <summary className="button button-quiet">Export</summary>
          <div className="menu-items">
            <a href={exportUrl(articleId, 'html')} target="_blank" rel="noopener">
              HTML page
            </a>
            <a href={exportUrl(articleId, 'json')} target="_blank" rel="noopener">
              JSON
            </a>
          </div>
        </details>
        )}
      </AppHeader>

      {state.fatal ? (
        <main className="editor-message">
          <section className="empty-state" role="alert">
            <h1>{state.fatal.message}</h1>
            <p>
              <Link href="/" className="button button-primary">
                Back to all stories
              </Link>
            </p>
          </section>
        </main>
      ) : session && identity && state.ready ? (
        <EditorWorkspace session={session} identity={identity} articleId={articleId} />
      ) : (
        <main className="editor-message" aria-busy="true">
          <p className="loading">{identity ? 'Opening the story…' : ''}</p>
        </main>
      )}

      {!identity ? <NameDialog onSave={saveName} /> : null}
      {renaming && identity ? (
        <NameDialog
          initialName={identity.name}
          onSave={(name) => {
            saveName(name);
            setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : null}
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { CloseCode } from '../../../shared/collab/closeCodes.ts';
import { isEditorial } from '../../../shared/roles.ts';
import { canDeleteForGood, canSpike } from '../../../shared/spiking.ts';
import { isStoryOwner } from '../../../shared/workflow.ts';
import { connectionLabel } from '../collab/connectionLabel.ts';
import { wordsToShow } from '../collab/keptWords.ts';
import { useCollabDoc } from '../collab/useCollabDoc.ts';
import { usePeople } from '../collab/usePeople.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionIndicator } from '../components/ConnectionIndicator.tsx';
import { PeopleStack } from '../components/PeopleStack.tsx';
import { EditorWorkspace } from '../editor/EditorWorkspace.tsx';
import { useUnsavedWarning } from '../hooks/useUnsavedWarning.ts';
import { ExportMenu } from '../publish/ExportMenu.tsx';
import { PublishPanel } from '../publish/PublishPanel.tsx';
import { UndoneWords } from '../review/UndoneWords.tsx';
import { useReview } from '../review/useReview.tsx';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/router.ts';
import { useSession } from '../session/sessionContext.ts';
import { ActivityTimeline } from '../workflow/ActivityTimeline.tsx';
import { namesOf, pendingSendBack } from '../workflow/describeActivity.ts';
import { readOnlyReason } from '../workflow/readOnlyReason.ts';
import { SendBackNote } from '../workflow/SendBackNote.tsx';
import { SpikeDialog } from '../workflow/SpikeDialog.tsx';
import { SpikedBanner } from '../workflow/SpikedBanner.tsx';
import { StoryPeople } from '../workflow/StoryPeople.tsx';
import { StoryPeopleDialog } from '../workflow/StoryPeopleDialog.tsx';
import { useStory } from '../workflow/useStory.ts';
import { WorkflowBar } from '../workflow/WorkflowBar.tsx';

const DISCARD_QUESTION = 'Discard the changes this device kept for this story? The server never stored them; they cannot be brought back.';

/** One story, open for co-editing (or reading, when the signed-in user may not edit it), with its workflow. */
export function StoryEditorPage({ articleId }: { articleId: string }) {
  const { user, recheck } = useSession();
  const identity = useMemo(() => ({ name: user.displayName, color: user.color }), [user.displayName, user.color]);
  const { session, state } = useCollabDoc(articleId, { ...identity, username: user.username });
  const story = useStory(articleId, state.accessChanges);
  const [editingPeople, setEditingPeople] = useState(false);
  const [spiking, setSpiking] = useState<'spike' | 'delete' | null>(null);
  const people = usePeople(session?.provider.awareness ?? null);
  const label = connectionLabel(state);
  const undoneWords = useMemo(() => wordsToShow(state.undoneWords), [state.undoneWords]);
  const fatalCode = state.fatal?.code;
  useUnsavedWarning(state.unsaved);

  useEffect(() => {
    document.title = story.article ? `${story.article.headline || 'Story'} · Copydesk` : 'Story · Copydesk';
  }, [story.article]);

  useEffect(() => {
    // The socket was refused for want of a session: ask the server, which brings back sign-in if so.
    if (fatalCode === CloseCode.Unauthorized) void recheck();
  }, [fatalCode, recheck]);

  const article = story.article;
  const names = useMemo(() => (article ? namesOf(article) : new Map<string, string>()), [article]);
  const fatalMessage = state.fatal?.message ?? (story.missing ? 'This story does not exist. It may have been deleted.' : null);
  const sentBack = article ? pendingSendBack(article, story.activity) : null;
  const readOnly = article ? readOnlyReason(user, article) : null;
  const review = useReview({ articleId, session, undone: state.undone, article, user, names, onArticle: story.replace });
  const owner = article ? isStoryOwner(user.username, { createdBy: article.createdBy?.username ?? null, assignees: article.assignees.map((a) => a.username) }) : false;
  const maySpike = article ? canSpike(user.role, article.status, { isOwner: owner }) : false;

  return (
    <div className="page page-editor">
      <AppHeader>
        <Link href="/" className="back-link">
          ← All stories
        </Link>
        <ConnectionIndicator label={label} />
        {state.refused && session ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              if (window.confirm(DISCARD_QUESTION)) void session.discardRefusedChanges();
            }}
          >
            Discard them
          </button>
        ) : null}
        <div className="masthead-spacer" />
        <PeopleStack people={people} label="In this story" max={6} />
        {fatalMessage ? null : <ExportMenu articleId={articleId} />}
      </AppHeader>

      {fatalMessage ? (
        <main className="editor-message">
          <section className="empty-state" role="alert">
            <h1>{fatalMessage}</h1>
            <p>
              <Link href="/" className="button button-primary">
                Back to all stories
              </Link>
            </p>
          </section>
        </main>
      ) : session && article && state.ready ? (
        <>
          <div className="story-bars">
            <WorkflowBar article={article} onChanged={story.replace}>
              {isEditorial(user.role) ? (
                <button type="button" className="button button-quiet" onClick={() => setEditingPeople(true)}>
                  People…
                </button>
              ) : null}
              {maySpike && !article.spikedAt && article.status !== 'published' ? (
                <button type="button" className="button button-quiet" onClick={() => setSpiking('spike')}>
                  Spike…
                </button>
              ) : null}
            </WorkflowBar>
            <SpikedBanner
              article={article}
              activity={story.activity}
              mayRestore={maySpike}
              mayDelete={canDeleteForGood(user.role)}
              onRestored={story.replace}
              onDelete={() => setSpiking('delete')}
            />
            {sentBack ? <SendBackNote entry={sentBack} names={names} /> : null}
            {readOnly && !article.spikedAt ? (
              <p className="banner banner-readonly" role="note">
                {readOnly}
              </p>
            ) : null}
            {undoneWords.length > 0 ? <UndoneWords words={undoneWords} onDismiss={() => session.dismissUndoneWords()} /> : null}
            {story.error ? (
              <p className="banner banner-error" role="alert">
                {story.error}
              </p>
            ) : null}
          </div>
          <EditorWorkspace
            session={session}
            identity={identity}
            articleId={articleId}
            editable={article.canEdit}
            review={review}
            side={
              <>
                <PublishPanel article={article} role={user.role} onChanged={() => void story.refresh()} />
                <StoryPeople article={article} />
                <ActivityTimeline entries={story.activity} names={names} />
              </>
            }
          />
        </>
      ) : (
        <main className="editor-message" aria-busy="true">
          <p className="loading">Opening the story…</p>
        </main>
      )}

      {spiking && article ? (
        <SpikeDialog
          article={article}
          deleting={spiking === 'delete'}
          onCancel={() => setSpiking(null)}
          onSpiked={(next) => {
            setSpiking(null);
            story.replace(next);
          }}
          onDeleted={() => navigate('/')}
        />
      ) : null}

      {editingPeople && article ? (
        <StoryPeopleDialog
          article={article}
          onCancel={() => setEditingPeople(false)}
          onDone={(next) => {
            setEditingPeople(false);
            story.replace(next);
          }}
        />
      ) : null}
    </div>
  );
}

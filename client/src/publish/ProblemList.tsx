import type { PublishProblem } from '../../../shared/publish/checkPublishable.ts';

/** Why the story cannot be published yet, each problem a button that shows its block in the editor. */
export function ProblemList({ problems, onShow }: { problems: readonly PublishProblem[]; onShow: (blockIndex: number) => void }) {
  if (problems.length === 0) return null;
  return (
    <div className="publish-problems" role="alert">
      <p className="publish-problems-title">
        {problems.length === 1 ? 'One thing stops this story from being published:' : `${problems.length} things stop this story from being published:`}
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.id}-${problem.blockIndex}-${index}`}>
            {problem.message}
            {problem.blockIndex >= 0 ? (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => onShow(problem.blockIndex)}>
                  Show in story
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { StoryRef } from '../../shared/publish/storyLink.ts';

/**
 * Lets a synchronous function of a story (publishProblems, rewriteStoryLinks) ask about the
 * stories it links to when the answers come from asynchronous stores: `asks` runs once to list
 * the links it asks about, each distinct link is resolved once, and the returned look-up answers
 * them synchronously for the real run. Asking about a link the first run did not is a RangeError.
 */
export async function resolveStoryRefs<A>(
  asks: (ask: (ref: StoryRef) => void) => void,
  resolve: (ref: StoryRef) => Promise<A>,
): Promise<(ref: StoryRef) => A> {
  const refs = new Map<string, StoryRef>();
  asks((ref) => refs.set(JSON.stringify(ref), ref));
  const answers = new Map<string, A>();
  for (const [key, ref] of refs) answers.set(key, await resolve(ref));
  return (ref) => {
    const key = JSON.stringify(ref);
    if (!answers.has(key)) throw new RangeError(`The story link ${key} was not resolved beforehand.`);
    return answers.get(key)!;
  };
}

/** Whether all writers of each story hold the same body. */
export function converged(bodies: readonly { storyId: string; xml: string }[]): boolean {
  const seen = new Map<string, string>();
  for (const { storyId, xml } of bodies) {
    const first = seen.get(storyId);
    if (first === undefined) seen.set(storyId, xml);
    else if (first !== xml) return false;
  }
  return true;
}

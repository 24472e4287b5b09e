/** What signing out asks when `count` stories hold changes on this device the server has not stored. */
export function unsavedSignOutQuestion(count: number): string {
  const stories = count === 1 ? '1 story has changes' : `${count} stories have changes`;
  return `${stories} the server has not stored yet. Signing out deletes them from this device. Sign out anyway?`;
}

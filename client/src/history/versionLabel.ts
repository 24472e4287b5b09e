import type { VersionSummary } from './historyApi.ts';

const KIND_LABELS: Record<VersionSummary['kind'], string> = {
  transition: 'Status change',
  auto: 'Automatic',
  named: 'Saved version',
  restore: 'Before a restore',
};

/** What the history list calls a version: its name, or what kind of version it is. */
export function versionLabel(version: VersionSummary): string {
  return version.name ?? KIND_LABELS[version.kind];
}

/** Who edited in a version, by display name (`names` by lower-cased username): "Ann Reporter, Ed Itor". */
export function versionPeople(version: VersionSummary, names: ReadonlyMap<string, string>): string {
  const people = [...version.editors];
  if (version.createdBy && !people.includes(version.createdBy)) people.push(version.createdBy);
  return people.map((username) => names.get(username.toLowerCase()) ?? names.get(username) ?? username).join(', ');
}

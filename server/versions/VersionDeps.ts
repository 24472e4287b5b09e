import type { Clock } from '../publish/Clock.ts';
import type { VersionStore } from '../storage/VersionStore.ts';

/** What capturing and restoring versions need: where versions live and the time. */
export interface VersionDeps {
  versions: VersionStore;
  clock: Clock;
}

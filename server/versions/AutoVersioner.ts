import type * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Timers } from '../publish/Clock.ts';
import { captureVersion, type CaptureRequest, type CaptureResult } from './captureVersion.ts';
import type { VersionDeps } from './VersionDeps.ts';

/** Default length of a period of editing after which an `auto` version is taken. */
export const DEFAULT_AUTO_VERSION_MS = 10 * 60_000;

/** What the auto versioner needs besides the version store and clock. */
export interface AutoVersionerDeps extends VersionDeps {
  timers: Timers;
  log: Logger;
  /** The story's Y.Doc as it is now (the live one while it is open), or null when it is not available. */
  docFor(articleId: string): Y.Doc | null;
  /** How long after the first unversioned change the `auto` version is taken. */
  periodMs?: number;
}

interface Activity {
  /** Usernames in order of their first edit since the last version. */
  editors: Set<string>;
  timer: unknown;
}

/**
 * Keeps a version of each story after every period of editing: the first change after a version
 * starts the period, and when it ends an `auto` version is captured with everyone who edited in it
 * (skipped when the content came back to the newest version's). A story that unloads with
 * unversioned changes is captured then. Other captures (transitions, named, restore) take the
 * editors collected so far through `takeEditors`, which also ends the period.
 */
export class AutoVersioner {
  readonly #deps: AutoVersionerDeps;
  readonly #periodMs: number;
  readonly #stories = new Map<string, Activity>();

  constructor(deps: AutoVersionerDeps) {
    this.#deps = deps;
    this.#periodMs = deps.periodMs ?? DEFAULT_AUTO_VERSION_MS;
    if (!(this.#periodMs > 0)) throw new RangeError(`periodMs must be positive, got ${this.#periodMs}`);
  }

  /** Someone (`userName`, or null for the server itself) changed the story. */
  change(articleId: string, userName: string | null): void {
    let activity = this.#stories.get(articleId);
    if (!activity) {
      activity = { editors: new Set(), timer: this.#deps.timers.setTimeout(() => this.#periodEnded(articleId), this.#periodMs) };
      this.#stories.set(articleId, activity);
    }
    if (userName) activity.editors.add(userName);
  }

  /** Whether the story changed since its last version. */
  hasUnversionedChanges(articleId: string): boolean {
    return this.#stories.has(articleId);
  }

  /** Who edited the story since its last version, without ending the period. */
  editorsOf(articleId: string): string[] {
    return [...(this.#stories.get(articleId)?.editors ?? [])];
  }

  /** Ends the story's period and returns who edited in it: pass them to a version captured now. */
  takeEditors(articleId: string): string[] {
    const editors = this.editorsOf(articleId);
    this.#forget(articleId);
    return editors;
  }

  /** Captures a version now (a transition, a named version) with the editors of the current period. */
  capture(request: Omit<CaptureRequest, 'editors'>): Promise<CaptureResult> {
    return captureVersion(this.#deps, { ...request, editors: this.takeEditors(request.articleId) });
  }

  /**
   * The story is leaving memory: captures an `auto` version of `ydoc` when it has unversioned
   * changes. Never throws (unloading must go on); a failure is logged.
   */
  unload(articleId: string, ydoc: Y.Doc): Promise<CaptureResult | null> {
    if (!this.#stories.has(articleId)) return Promise.resolve(null);
    return this.#captureAuto(articleId, ydoc);
  }

  /** Stops every period timer without capturing (shutdown: call unload for open stories first). */
  stop(): void {
    for (const articleId of [...this.#stories.keys()]) this.#forget(articleId);
  }

  #periodEnded(articleId: string): void {
    const activity = this.#stories.get(articleId);
    if (!activity) return;
    activity.timer = null;
    const ydoc = this.#deps.docFor(articleId);
    if (!ydoc) {
      this.#deps.log.warn('no document to take an automatic version of', { articleId });
      this.#forget(articleId);
      return;
    }
    void this.#captureAuto(articleId, ydoc);
  }

  async #captureAuto(articleId: string, ydoc: Y.Doc): Promise<CaptureResult | null> {
    const editors = this.takeEditors(articleId);
    try {
      return await captureVersion(this.#deps, { articleId, ydoc, kind: 'auto', by: null, editors });
    } catch (error) {
      this.#deps.log.error('taking an automatic version failed', { articleId, error });
      return null;
    }
  }

  #forget(articleId: string): void {
    const activity = this.#stories.get(articleId);
    if (!activity) return;
    if (activity.timer !== null) this.#deps.timers.clearTimeout(activity.timer);
    this.#stories.delete(articleId);
  }
}

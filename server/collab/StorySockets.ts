import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { StoryAccess } from '../auth/storyAccess.ts';
import type { SocketUser } from './Connection.ts';

/** What StorySockets needs of a socket. */
export interface StorySocket {
  readonly user: SocketUser;
  readonly access: StoryAccess;
  close(code: number, reason: string): void;
}

/**
 * Every collaboration socket of each story, from the moment it is accepted (before its story has
 * loaded), so that a change of status or assignees reaches sockets still waiting for the load.
 */
export class StorySockets {
  readonly #byStory = new Map<string, Set<StorySocket>>();

  /** Registers a socket on a story; call the returned function when it closes. */
  add(articleId: string, socket: StorySocket): () => void {
    let sockets = this.#byStory.get(articleId);
    if (!sockets) {
      sockets = new Set();
      this.#byStory.set(articleId, sockets);
    }
    sockets.add(socket);
    return () => {
      const current = this.#byStory.get(articleId);
      if (!current) return;
      current.delete(socket);
      if (current.size === 0) this.#byStory.delete(articleId);
    };
  }

  /**
   * After the story's status or people changed: closes, with AccessChanged, every socket whose
   * access `accessOf` now differs, so the client reconnects and gets the new one. Returns how many.
   */
  reviewAccess(articleId: string, accessOf: (user: SocketUser) => StoryAccess): number {
    const changed = [...(this.#byStory.get(articleId) ?? [])].filter((socket) => accessOf(socket.user) !== socket.access);
    for (const socket of changed) socket.close(CloseCode.AccessChanged, 'access changed');
    return changed.length;
  }

  /** Closes every socket of the story with `code` (the story was deleted); returns how many. */
  closeAll(articleId: string, code: number, reason: string): number {
    const sockets = [...(this.#byStory.get(articleId) ?? [])];
    for (const socket of sockets) socket.close(code, reason);
    return sockets.length;
  }

    /** How many sockets a story has. */
  count(articleId: string): number {
    return this.#byStory.get(articleId)?.size ?? 0;
  }
}

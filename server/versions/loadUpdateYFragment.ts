import type { updateYFragment } from '@tiptap/y-tiptap';

/** y-prosemirror's reconciling write of a ProseMirror node into a Y.XmlFragment or element. */
export type UpdateYFragment = typeof updateYFragment;

let loading: Promise<UpdateYFragment> | null = null;

/**
 * Loads y-prosemirror's `updateYFragment` on the first restore. Only restores diff a document
 * into a story; reading and creating stories need no editor binding, so a server that never
 * restores never loads it (nor prosemirror-view, which it imports).
 */
export function loadUpdateYFragment(): Promise<UpdateYFragment> {
  loading ??= import('@tiptap/y-tiptap').then((binding) => binding.updateYFragment);
  return loading;
}

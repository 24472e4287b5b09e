const HIGHLIGHT_CLASS = 'block-flash';

/**
 * Scrolls the story editor to its top-level block `blockIndex` (0 is the headline) and flashes
 * it, so a publishing problem can be found. The editor's DOM children are its top-level nodes.
 * False when there is no such block on the page.
 */
export function scrollToBlock(blockIndex: number, root: ParentNode = document): boolean {
  const body = root.querySelector('.article-body');
  const block = blockIndex >= 0 ? body?.children.item(blockIndex) : null;
  if (!(block instanceof HTMLElement)) return false;
  block.scrollIntoView({ behavior: 'smooth', block: 'center' });
  block.classList.remove(HIGHLIGHT_CLASS);
  // Restarts the animation when the same block is asked for twice.
  void block.offsetWidth;
  block.classList.add(HIGHLIGHT_CLASS);
  setTimeout(() => block.classList.remove(HIGHLIGHT_CLASS), 2000);
  return true;
}

const FLASH: Keyframe[] = [
  { backgroundColor: '#fff3bf', boxShadow: '0 0 0 6px #fff3bf', offset: 0 },
  { backgroundColor: '#fff3bf', boxShadow: '0 0 0 6px #fff3bf', offset: 0.3 },
  { backgroundColor: 'transparent', boxShadow: '0 0 0 6px transparent' },
];

/**
 * Scrolls the story editor to its top-level block `blockIndex` (0 is the headline) and flashes
 * it, so a publishing problem can be found. The editor's DOM children are its top-level nodes.
 * The flash is an animation, not a class: ProseMirror re-renders a node whose attributes change.
 * False when there is no such block on the page.
 */
export function scrollToBlock(blockIndex: number, root: ParentNode = document): boolean {
  const body = root.querySelector('.article-body');
  const block = blockIndex >= 0 ? body?.children.item(blockIndex) : null;
  if (!(block instanceof HTMLElement)) return false;
  block.scrollIntoView({ behavior: 'smooth', block: 'center' });
  block.animate(FLASH, { duration: 2000, easing: 'ease-out' });
  return true;
}

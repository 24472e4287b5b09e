import type { Mark, Node as PMNode } from '@tiptap/pm/model';

/** A mark as JSON: `{ type: 'link', attrs: { href } }`, `{ type: 'bold' }`. */
export interface MarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A word, a run of spaces, a punctuation sign or a hard break (`\n`), with its marks. */
export interface InlineToken {
  text: string;
  marks: MarkJson[];
  /** Text and marks together: two tokens are the same when their keys are. */
  key: string;
}

/**
 * A block as the comparison sees it: every textblock (headline, standfirst, paragraph, heading,
 * figure caption, READ MORE label) and every atom block (horizontal rule), with the containers
 * around it (`['bulletList', 'listItem']`) as its path.
 */
export interface FlatBlock {
  type: string;
  path: string[];
  attrs: Record<string, unknown>;
  tokens: InlineToken[];
  /** Type, path, attributes and content: equal fingerprints mean equal blocks. */
  fingerprint: string;
}

// Apostrophes and hyphens belong to a word only between letters: "don't", "COVID-19", not "'causing".
const TOKEN = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|\s+|[^\p{L}\p{N}\s]/gu;

function markJson(mark: Mark): MarkJson {
  const attrs = Object.entries(mark.attrs).filter(([, value]) => value !== null && value !== undefined);
  return attrs.length ? { type: mark.type.name, attrs: Object.fromEntries(attrs) } : { type: mark.type.name };
}

function marksKey(marks: MarkJson[]): string {
  return marks.length ? JSON.stringify(marks) : '';
}

/** The inline content of a textblock as tokens. */
export function tokenize(block: PMNode): InlineToken[] {
  const tokens: InlineToken[] = [];
  block.forEach((child) => {
    const marks = child.marks.map(markJson);
    const suffix = marksKey(marks);
    if (child.isText) {
      for (const match of (child.text ?? '').matchAll(TOKEN)) tokens.push({ text: match[0], marks, key: `${match[0]}\u0000${suffix}` });
    } else {
      tokens.push({ text: '\n', marks, key: `\n\u0000${child.type.name}\u0000${suffix}` });
    }
  });
  return tokens;
}

/** The blocks of a story document in reading order. */
export function flattenBlocks(doc: PMNode): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  const visit = (node: PMNode, path: string[]): void => {
    if (node.isTextblock || node.isAtom) {
      const attrs = { ...node.attrs };
      const tokens = node.isTextblock ? tokenize(node) : [];
      const fingerprint = JSON.stringify([node.type.name, path, attrs, tokens.map((token) => token.key)]);
      blocks.push({ type: node.type.name, path, attrs, tokens, fingerprint });
      return;
    }
    const inner = [...path, node.type.name];
    node.forEach((child) => visit(child, inner));
  };
  doc.forEach((child) => visit(child, []));
  return blocks;
}

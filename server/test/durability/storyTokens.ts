import * as Y from 'yjs';
import { DOC_FIELD } from '../../../shared/collab/docFields.ts';

/**
 * Unique words typed into stories, so a test can tell exactly which keystrokes survived.
 * A token is `<writer>n<count>`, the writer `<letter><digits>x<digits>` (e.g. `w7x2n15`: writer
 * w7x2's 16th word). Writers type whole tokens followed by a space, only at word boundaries, so no
 * concurrent edit can split one and every token stays findable by TOKEN_PATTERN.
 */
const TOKEN_PATTERN = /\b[a-z]\d+x\d+n\d+\b/g;

/** The first two blocks are the protected headline and standfirst: body paragraphs come after. */
const FIRST_BODY_INDEX = 2;

/** The token a writer types as its `count`-th word. */
export function tokenOf(writer: string, count: number): string {
  return `${writer}n${count}`;
}

/** Who typed `token`. */
export function writerOf(token: string): string {
  return token.slice(0, token.lastIndexOf('n'));
}

/** Every token in the story body of `ydoc`. */
export function tokensIn(ydoc: Y.Doc): Set<string> {
  return new Set(ydoc.getXmlFragment(DOC_FIELD).toString().match(TOKEN_PATTERN) ?? []);
}

/**
 * Types `token` (and a space) as one local transaction: at a word boundary of a random body
 * paragraph holding text, or as a new paragraph at a random place in the body.
 * `random` returns numbers in [0, 1), as Math.random does.
 */
export function typeToken(ydoc: Y.Doc, token: string, random: () => number): void {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const texts: Y.XmlText[] = [];
  fragment.toArray().forEach((node, index) => {
    if (index < FIRST_BODY_INDEX || !(node instanceof Y.XmlElement) || node.nodeName !== 'paragraph') return;
    const first = node.get(0);
    if (node.length === 1 && first instanceof Y.XmlText) texts.push(first);
  });
  if (texts.length === 0 || random() < 0.25) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`${token} `)]);
    const at = Math.min(fragment.length, FIRST_BODY_INDEX + Math.floor(random() * (fragment.length - FIRST_BODY_INDEX + 1)));
    fragment.insert(at, [paragraph]);
    return;
  }
  const text = texts[Math.floor(random() * texts.length)]!;
  const plain = text.toString();
  const boundaries = [0];
  for (let i = 0; i < plain.length; i += 1) if (plain[i] === ' ') boundaries.push(i + 1);
  text.insert(boundaries[Math.floor(random() * boundaries.length)]!, `${token} `);
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

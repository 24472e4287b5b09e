import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleNode } from '../../shared/article/articleNode.ts';
import { exportedArticleNode } from '../../shared/article/exportedArticleNode.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { DOC_FIELD, META_MAP } from '../../shared/collab/docFields.ts';
import { schemaViolation, storyViolation, type SchemaViolation } from './storyFitsSchema.ts';
import { storyYDoc } from './test/storyDocs.ts';
import { touchedTypes } from './touchedTypes.ts';

/** A node a random client inserts: a name (real or not), attributes, and text or child nodes. */
interface NodeShape {
  name: string;
  attrs: Record<string, unknown>;
  text: string | null;
  children: readonly NodeShape[];
}

type Op =
  | { kind: 'insertText'; at: number; offset: number; text: string; marks: Record<string, unknown> | null }
  | { kind: 'deleteText'; at: number; offset: number; length: number }
  | { kind: 'format'; at: number; offset: number; length: number; mark: string; attrs: unknown }
  | { kind: 'embed'; at: number; offset: number }
  | { kind: 'emptyFormat'; at: number; offset: number; mark: string; attrs: unknown }
  | { kind: 'insertNode'; at: number; index: number; node: NodeShape }
  | { kind: 'insertLooseText'; at: number; index: number }
  | { kind: 'deleteChildren'; at: number; index: number; length: number }
  | { kind: 'setAttribute'; at: number; name: string; value: unknown }
  | { kind: 'removeAttribute'; at: number; name: string }
  | { kind: 'meta'; key: string; value: unknown }
  | { kind: 'pushTag'; value: unknown };

const suggestion = { id: 's1', authorId: 'rosa', authorName: 'Rosa', color: '#123456', createdAt: '2024-05-01T10:00:00.000Z' };

const NODE_NAMES = ['paragraph', 'paragraph', 'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'figure', 'relatedLink', 'horizontalRule', 'hardBreak', 'headline', 'standfirst', 'widget', 'doc', 'text'];
const ATTRS: Array<Record<string, unknown>> = [
  {},
  {},
  { level: 2 },
  { level: 1 },
  { src: '/media/a.jpg', alt: 'A', credit: 'C' },
  { src: '/media/a.jpg', onerror: 'x' },
  { href: '/stories/other' },
  { start: 3 },
  { start: 'one' },
  { suggestion: { kind: 'insert', ...suggestion } },
  { suggestion: { kind: 'explode' } },
  { bogus: 'x' },
];
const ATTR_NAMES = ['src', 'alt', 'credit', 'href', 'level', 'start', 'type', 'suggestion', 'bogus'];
const ATTR_VALUES: unknown[] = ['', '/media/b.jpg', 'x', 2, 3, 1, 7, null, true, { kind: 'delete', ...suggestion }, { nested: [1] }, ['a']];
const MARKS = ['bold', 'italic', 'link', 'link--abcdefgh', 'suggestionInsert', 'suggestionDelete', 'suggestionFormat', 'blink'];
const MARK_ATTRS: unknown[] = [
  {},
  { href: 'https://example.com/' },
  { href: 'https://example.com/', target: null, rel: 'noopener noreferrer', class: null, title: null },
  suggestion,
  { ...suggestion, before: [{ type: 'bold' }] },
  { ...suggestion, before: [{ type: 'bold' }, { type: 'bold' }] },
  { ...suggestion, before: [{ type: 'blink' }] },
  { onclick: 'x' },
  true,
  'bold',
];
const META_VALUES: unknown[] = ['Seoul bureau', '', 42, null, ['a'], { a: 1 }];

const index = fc.nat({ max: 40 });
const someText = fc.constantFrom('a', ' ', 'word', 'Two words.', '\n', 'é');

const nodeShape: fc.Arbitrary<NodeShape> = fc.letrec<{ node: NodeShape }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom(...NODE_NAMES),
    attrs: fc.constantFrom(...ATTRS),
    text: fc.option(fc.oneof(someText, fc.constant('')), { freq: 2 }),
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<NodeShape[]>([]), fc.array(tie('node'), { maxLength: 2 })),
  }),
})).node;

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insertText' as const), at: index, offset: index, text: someText, marks: fc.option(fc.constantFrom<Record<string, unknown>>({ bold: {} }, { italic: {} }, { blink: {} }), { freq: 4 }) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('deleteText' as const), at: index, offset: index, length: fc.integer({ min: 1, max: 30 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('format' as const), at: index, offset: index, length: fc.integer({ min: 1, max: 20 }), mark: fc.constantFrom(...MARKS), attrs: fc.constantFrom(...MARK_ATTRS) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('embed' as const), at: index, offset: index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('emptyFormat' as const), at: index, offset: index, mark: fc.constantFrom(...MARKS), attrs: fc.constantFrom(...MARK_ATTRS) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('insertNode' as const), at: index, index, node: nodeShape }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('insertLooseText' as const), at: index, index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteChildren' as const), at: index, index, length: fc.integer({ min: 1, max: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('setAttribute' as const), at: index, name: fc.constantFrom(...ATTR_NAMES), value: fc.constantFrom(...ATTR_VALUES) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('removeAttribute' as const), at: index, name: fc.constantFrom(...ATTR_NAMES) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('meta' as const), key: fc.constantFrom('byline', 'slug', 'section', 'tags', 'script'), value: fc.constantFrom(...META_VALUES) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('pushTag' as const), value: fc.constantFrom<unknown>('Asia', 3, { a: 1 }) }), weight: 1 },
);

function build(shape: NodeShape): Y.XmlElement {
  const element = new Y.XmlElement(shape.name);
  for (const [key, value] of Object.entries(shape.attrs)) element.setAttribute(key, value as string);
  element.insert(0, [...(shape.text === null ? [] : [new Y.XmlText(shape.text)]), ...shape.children.map(build)]);
  return element;
}

function descendants(fragment: Y.XmlFragment): { texts: Y.XmlText[]; elements: Array<Y.XmlElement | Y.XmlFragment> } {
  const texts: Y.XmlText[] = [];
  const elements: Array<Y.XmlElement | Y.XmlFragment> = [fragment];
  for (const node of fragment.createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText) texts.push(node);
    else if (node instanceof Y.XmlElement) elements.push(node);
  }
  return { texts, elements };
}

const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const clamp = (n: number, length: number): number => n % (length + 1);

function apply(ydoc: Y.Doc, step: Op): void {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const meta = ydoc.getMap(META_MAP);
  const { texts, elements } = descendants(fragment);
  const text = 'at' in step ? pick(texts, step.at) : undefined;
  const element = 'at' in step ? pick(elements, step.at) : undefined;
  switch (step.kind) {
    case 'insertText':
      if (text) text.insert(clamp(step.offset, text.length), step.text, step.marks ?? undefined);
      return;
    case 'deleteText':
      if (text && text.length) text.delete(step.offset % text.length, Math.min(step.length, text.length - (step.offset % text.length)));
      return;
    case 'format':
      if (text && text.length) text.format(step.offset % text.length, step.length, { [step.mark]: step.attrs });
      return;
    case 'embed':
      if (text) text.insertEmbed(clamp(step.offset, text.length), { image: 'x' });
      return;
    case 'emptyFormat': {
      // A formatted character typed and removed again: the formatting stays, covering nothing, until someone types there.
      if (!text) return;
      const at = clamp(step.offset, text.length);
      text.insert(at, 'z', { [step.mark]: step.attrs } as Record<string, unknown>);
      text.delete(at, 1);
      return;
    }
    case 'insertNode':
      element?.insert(clamp(step.index, element.length), [build(step.node)]);
      return;
    case 'insertLooseText':
      element?.insert(clamp(step.index, element.length), [new Y.XmlText('loose')]);
      return;
    case 'deleteChildren':
      if (element && element.length) element.delete(step.index % element.length, Math.min(step.length, element.length - (step.index % element.length)));
      return;
    case 'setAttribute':
      if (element instanceof Y.XmlElement) element.setAttribute(step.name, step.value as string);
      return;
    case 'removeAttribute':
      if (element instanceof Y.XmlElement) element.removeAttribute(step.name);
      return;
    case 'meta':
      meta.set(step.key, step.key === 'tags' && Array.isArray(step.value) ? Y.Array.from(step.value) : step.value);
      return;
    case 'pushTag': {
      const tags = meta.get('tags');
      if (tags instanceof Y.Array) tags.push([step.value]);
      return;
    }
  }
}

/** Applies `step` to a copy of the story `state` and returns the copy with what the incremental check said. */
function tryStep(state: Uint8Array, step: Op): { ydoc: Y.Doc; violation: SchemaViolation | null } {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  ydoc.getXmlFragment(DOC_FIELD);
  ydoc.getMap(META_MAP);
  let touched: Array<Y.AbstractType<any>> = [];
  ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
    touched = touchedTypes(transaction);
  });
  ydoc.transact(() => apply(ydoc, step));
  return { ydoc, violation: schemaViolation(ydoc, touched) };
}

describe('schemaViolation against the whole-story check', () => {
  it('never passes a change after which the whole story fails Node.fromJSON(...).check()', () => {
    const counts = { accepted: 0, refused: 0 };
    const fixture = storyYDoc();
    const start = Y.encodeStateAsUpdate(fixture);
    fixture.destroy();
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (steps) => {
        let state = start;
        for (const step of steps) {
          const { ydoc, violation } = tryStep(state, step);
          if (violation) {
            counts.refused += 1;
          } else {
            counts.accepted += 1;
            const doc = readArticle(ydoc).doc;
            expect(() => articleNode(doc)).not.toThrow();
            expect(() => exportedArticleNode(doc)).not.toThrow();
            expect(storyViolation(ydoc)).toBeNull();
            state = Y.encodeStateAsUpdate(ydoc);
          }
          ydoc.destroy();
        }
      }),
      { numRuns: 150 },
    );
    // Both kinds of change were really tried.
    expect(counts.accepted).toBeGreaterThan(300);
    expect(counts.refused).toBeGreaterThan(300);
  });
});

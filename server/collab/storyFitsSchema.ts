import type { ContentMatch, NodeType, Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { DOC_FIELD, META_MAP } from '../../shared/collab/docFields.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import { blockJson } from './blockJson.ts';
import { metaViolation } from './metaViolation.ts';
import { SchemaViolationError, type SchemaViolation } from './SchemaViolation.ts';

export type { SchemaViolation } from './SchemaViolation.ts';

const DOC = articleSchema.topNodeType;

const blockPath = (index: number): string => `doc.content[${index}]`;

// Where inside a block that failed `check()` the problem is: the first failing child, recursively.
function failingPath(node: PMNode, path: string): string {
  for (let i = 0; i < node.childCount; i += 1) {
    const child = node.child(i);
    try {
      child.check();
    } catch {
      return failingPath(child, `${path}.content[${i}]`);
    }
  }
  return path;
}

// Transitions of the doc content expression already taken: `matchType` scans every edge, and a
// story walks the same few states (headline, standfirst, then `block+`) over and over.
const transitions = new Map<ContentMatch, Map<NodeType, ContentMatch | null>>();

function step(match: ContentMatch, type: NodeType): ContentMatch | null {
  let known = transitions.get(match);
  if (!known) transitions.set(match, (known = new Map()));
  let next = known.get(type);
  if (next === undefined) known.set(type, (next = match.matchType(type)));
  return next;
}

/** The fragment's top-level sequence against the `doc` content expression: names only, no conversion. */
function sequenceViolation(fragment: Y.XmlFragment): SchemaViolation | null {
  let match = DOC.contentMatch;
  let index = 0;
  // The item list itself, not `toArray()`: no array of every block is built on each Enter.
  for (let item = fragment._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const child: unknown = item.content instanceof Y.ContentType ? item.content.type : item.content.getContent()[0];
    if (!(child instanceof Y.XmlElement)) {
      return { path: blockPath(index), message: `Invalid content for node ${DOC.name}: only blocks may appear at the top level, found ${child instanceof Y.XmlText ? 'text' : typeof child}` };
    }
    const type = articleSchema.nodes[child.nodeName];
    if (!type) return { path: blockPath(index), message: `Unknown node type: ${child.nodeName}` };
    const next = step(match, type);
    if (!next) return { path: blockPath(index), message: `Invalid content for node ${DOC.name}: ${type.name} cannot appear at index ${index} (expected ${expectedAt(match)})` };
    match = next;
    index += 1;
  }
  if (!match.validEnd) return { path: blockPath(index), message: `Invalid content for node ${DOC.name}: the story ends after ${index} blocks (expected ${expectedAt(match)})` };
  return null;
}

function expectedAt(match: ContentMatch): string {
  const names = Array.from({ length: match.edgeCount }, (_, i) => match.edge(i).type.name);
  return names.length ? names.join(' or ') : 'nothing';
}

/** A top-level block converted alone and checked fully: content, marks, attributes. */
function blockViolation(fragment: Y.XmlFragment, block: Y.AbstractType<any>): SchemaViolation | null {
  const index = (): number => (fragment.toArray() as unknown[]).indexOf(block);
  if (!(block instanceof Y.XmlElement)) {
    return { path: blockPath(index()), message: `Invalid content for node ${DOC.name}: only blocks may appear at the top level, found text` };
  }
  let node: PMNode;
  try {
    node = articleSchema.nodeFromJSON(blockJson(block, ''));
  } catch (error) {
    if (error instanceof SchemaViolationError) return { path: `${blockPath(index())}${error.path}`, message: error.message };
    if (error instanceof RangeError) return { path: blockPath(index()), message: error.message };
    throw error;
  }
  try {
    node.check();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { path: failingPath(node, blockPath(index())), message: error.message };
  }
  return null;
}

/**
 * Whether `root` is `typed`, or the untyped placeholder Yjs made for that name when an update
 * reached it before anyone asked for the typed one: `getXmlFragment`/`getMap` then replace the
 * placeholder in `ydoc.share` but keep its `_map` (and children), so a transaction's `changed`
 * may still name the placeholder.
 */
function sameRoot(root: Y.AbstractType<any>, typed: Y.AbstractType<any>): boolean {
  return root === typed || root._map === typed._map;
}

/**
 * Whether a change leaves the story fitting the article schema, checking only what it touched.
 * `touched` holds the shared types the change touched, as `touchedTypes(transaction)` returns them:
 * the keys of `transaction.changed` plus every type the transaction created (Yjs leaves new types
 * out of `changed`, so without them a new block's own content would go unchecked), less a text
 * that only had characters typed or deleted in a block taking any run of text (see touchedTypes).
 * Passing bare `transaction.changed.keys()` is not enough: a new block's content goes unchecked.
 *
 * - The fragment itself touched (blocks inserted or deleted): its top-level node names are run
 *   through the `doc` content expression; unknown names and text at the top level are refused.
 * - Anything inside the fragment: its top-level block alone is converted to ProseMirror JSON and
 *   validated fully (`nodeFromJSON(json).check()`, plus undeclared attributes, attribute value
 *   types and required attributes: articleAttributeRules.ts).
 * - The meta map, its tags or authors: byline, slug, section strings, tags a Y.Array of strings,
 *   authors a Y.Array of `{ name, username? }`, no other keys.
 * - Other top-level types (comments, a benchmark's map) are not this check's business.
 *
 * Returns the first violation found, or null. Types inside a deleted block are skipped.
 */
export function schemaViolation(ydoc: Y.Doc, touched: Iterable<Y.AbstractType<any>>): SchemaViolation | null {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const meta = ydoc.getMap(META_MAP);
  let fragmentTouched = false;
  let metaTouched = false;
  const blocks = new Set<Y.AbstractType<any>>();
  for (const type of touched) {
    let current: Y.AbstractType<any> = type;
    let topLevel: Y.AbstractType<any> | null = null;
    let removed = false;
    while (current._item) {
      if (current._item.deleted) {
        removed = true;
        break;
      }
      topLevel = current;
      current = current._item.parent as Y.AbstractType<any>;
    }
    if (removed) continue;
    if (sameRoot(current, fragment)) {
      if (topLevel) blocks.add(topLevel);
      else fragmentTouched = true;
    } else if (sameRoot(current, meta)) {
      metaTouched = true;
    }
  }
  if (fragmentTouched) {
    const violation = sequenceViolation(fragment);
    if (violation) return violation;
  }
  for (const block of blocks) {
    const violation = blockViolation(fragment, block);
    if (violation) return violation;
  }
  return metaTouched ? metaViolation(meta) : null;
}

/**
 * The whole story checked the same way, every block (each Y.XmlText's formatting included) and
 * the meta map: for a story loaded from storage or written before this check existed (the
 * incremental check assumes the story fitted before the change), and as the baseline
 * `schemaViolation` is measured against.
 */
export function storyViolation(ydoc: Y.Doc): SchemaViolation | null {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const blocks = (fragment.toArray() as unknown[]).filter((child): child is Y.AbstractType<any> => child instanceof Y.AbstractType);
  return schemaViolation(ydoc, [fragment, ...blocks, ydoc.getMap(META_MAP)]);
}

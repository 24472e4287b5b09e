import type { JSONContent } from '@tiptap/core';
import type { NodeType } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { markNameOf } from '../../shared/collab/fragmentJson.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import { markAttrsProblem, nodeAttrsProblem } from './articleAttributeRules.ts';
import { SchemaViolationError } from './SchemaViolation.ts';

type MarkJson = NonNullable<JSONContent['marks']>[number];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Every formatting attribute in `text`, also where it covers no character (a bold range emptied
 * by deletions, or one a script left there): each must be a mark `parent` allows, under its own
 * name unless the mark may overlap itself, with valid attributes. Characters typed later take on
 * this formatting, and touchedTypes lets plain typing through unchecked on that promise.
 */
function checkFormatting(text: Y.XmlText, parent: NodeType, path: string): void {
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentFormat) || item.content.value === null) continue;
    const { key, value } = item.content as { key: string; value: unknown };
    const name = markNameOf(key);
    const type = articleSchema.marks[name];
    if (!type) throw new SchemaViolationError(path, `There is no mark type ${name} in this schema`);
    if (!parent.allowsMarkType(type)) throw new SchemaViolationError(path, `Mark ${name} is not allowed in node ${parent.name}`);
    if (name !== key && type.excludes(type)) throw new SchemaViolationError(path, `Mark ${name} cannot be stored under ${key}`);
    if (!isPlainObject(value)) throw new SchemaViolationError(path, `Mark ${name} must have an attributes object`);
    const problem = markAttrsProblem(type, value);
    if (problem) throw new SchemaViolationError(path, problem);
  }
}

function textJson(text: Y.XmlText, parent: NodeType, path: string, firstIndex: number): JSONContent[] {
  checkFormatting(text, parent, `${path}.content[${firstIndex}]`);
  const nodes: JSONContent[] = [];
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const here = `${path}.content[${firstIndex + nodes.length}]`;
    if (typeof op.insert !== 'string') throw new SchemaViolationError(here, 'Text may only hold characters, not embedded content');
    const node: JSONContent = { type: 'text', text: op.insert };
    if (op.attributes) {
      const marks: MarkJson[] = [];
      for (const [attribute, attrs] of Object.entries(op.attributes)) {
        const name = markNameOf(attribute);
        const type = articleSchema.marks[name];
        if (!type) throw new SchemaViolationError(`${here}.marks`, `There is no mark type ${name} in this schema`);
        if (!isPlainObject(attrs)) throw new SchemaViolationError(`${here}.marks`, `Mark ${name} must have an attributes object`);
        const problem = markAttrsProblem(type, attrs);
        if (problem) throw new SchemaViolationError(`${here}.marks`, problem);
        marks.push({ type: name, attrs });
      }
      node.marks = marks;
    }
    nodes.push(node);
  }
  return nodes;
}

/**
 * One Y.XmlElement as ProseMirror JSON, the way `yXmlFragmentToProsemirrorJSON` reads it (node
 * name = nodeName, attrs = element attributes, marks = Y.XmlText format attributes), but refusing
 * what that reader lets through or crashes on: unknown node or mark names, undeclared attributes
 * and values of the wrong type (see articleAttributeRules.ts), embedded objects in text, children
 * that are neither elements nor text, and formatting the block does not allow even where it
 * covers no character. Throws a SchemaViolationError whose path starts
 * at `path`. Content expressions and allowed marks are left to `Node.check()`.
 */
export function blockJson(element: Y.XmlElement, path: string): JSONContent {
  const name = element.nodeName;
  const type = articleSchema.nodes[name];
  if (!type) throw new SchemaViolationError(path, `Unknown node type: ${name}`);
  if (type.isText || type === articleSchema.topNodeType) throw new SchemaViolationError(path, `Node type ${name} cannot be an element`);
  const attrs = element.getAttributes() as Record<string, unknown>;
  const problem = nodeAttrsProblem(type, attrs);
  if (problem) throw new SchemaViolationError(`${path}.attrs`, problem);
  const json: JSONContent = { type: name };
  if (Object.keys(attrs).length) json.attrs = attrs;
  const content: JSONContent[] = [];
  for (const child of element.toArray() as unknown[]) {
    if (child instanceof Y.XmlElement) content.push(blockJson(child, `${path}.content[${content.length}]`));
    else if (child instanceof Y.XmlText) content.push(...textJson(child, type, path, content.length));
    else throw new SchemaViolationError(`${path}.content[${content.length}]`, `Node ${name} may only hold elements and text`);
  }
  if (content.length) json.content = content;
  return json;
}

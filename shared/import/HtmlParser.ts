/**
 * The little of the DOM the HTML importer reads. A browser's `Document` and happy-dom's both fit,
 * so `shared/` stays free of a DOM implementation.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/** An element: a node with attributes. */
export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
}

/**
 * Parses HTML without running it: `new DOMParser()` in the browser, `new new Window().DOMParser()`
 * from happy-dom in Node (whose script evaluation is off by default).
 */
export interface HtmlParser {
  parseFromString(html: string, type: 'text/html'): DomDocument;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/** True for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Lowercase tag name (`p`, `o:p`) of an element. */
export function tagOf(element: DomNode): string {
  return element.nodeName.toLowerCase();
}

/** The class names of an element. */
export function classesOf(element: DomElement): string[] {
  return (element.getAttribute('class') ?? '').split(/\s+/).filter((name) => name !== '');
}

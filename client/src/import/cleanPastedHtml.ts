// A start tag: its name, then attributes whose quoted values may hold `>`.
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const STYLE_ELEMENT = /<style(?:\s[^>]*)?>[\s\S]*?<\/style\s*>/gi;
// Word types each list paragraph's bullet or number for readers without list support, inside
// `<![if !supportLists]>` (or its `<!--[if …]-->` form) and usually a `mso-list:Ignore` span.
const UNSUPPORTED_LISTS = /<!(?:--)?\[if\s+!supportLists\](?:--)?>[\s\S]*?<!(?:--)?\[endif\](?:--)?>/gi;
const IGNORED_SPAN = /<span\b[^>]*mso-list:\s*ignore[^>]*>/gi;
const SPAN_TAG = /<(\/?)span\b[^>]*>/gi;
// "1.", "a)", "iv.": the importer reads a numbered list's kind from it; bullets ·, •, o, § carry nothing.
const NUMBER_MARKER = /^[0-9a-z]{1,4}[.)]$/i;

function isBulletMarker(markup: string): boolean {
  const text = markup.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|\u00a0/gi, ' ').trim();
  return !NUMBER_MARKER.test(text);
}

/** The end of the span whose start tag ends at `from`, nested spans included. */
function spanEnd(html: string, from: number): number {
  SPAN_TAG.lastIndex = from;
  let depth = 1;
  for (let tag = SPAN_TAG.exec(html); tag; tag = SPAN_TAG.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return SPAN_TAG.lastIndex;
  }
  return html.length;
}

/** `html` without Word's typed bullets: the list itself supplies them. Typed numbers stay for the importer. */
function dropWordBullets(html: string): string {
  let out = html.replace(UNSUPPORTED_LISTS, (block) => (isBulletMarker(block) ? '' : block));
  IGNORED_SPAN.lastIndex = 0;
  for (let open = IGNORED_SPAN.exec(out); open; open = IGNORED_SPAN.exec(out)) {
    const end = spanEnd(out, open.index + open[0].length);
    if (isBulletMarker(out.slice(open.index, end))) {
      out = out.slice(0, open.index) + out.slice(end);
      IGNORED_SPAN.lastIndex = open.index;
    }
  }
  return out;
}

/**
 * Pasted HTML without style elements (Word's style definitions) and event-handler attributes
 * (`onclick`, `onerror`, …), before any DOM parses it. Parsing never applied or ran them (the
 * clipboard is parsed in inert documents, and the app's CSP refuses both), but Chromium reports
 * each one it refuses as a CSP violation, and the paste loses nothing by their removal: neither the
 * editor nor the importer reads them. Word's typed bullets (`·`, `o`, `§`) go too, so a pasted
 * list never shows a bullet twice, and text pasted into a text-only block never starts with one.
 * Text, comments and every other attribute (style ones included: the importer reads formatting
 * from them) are left as they are.
 */
export function cleanPastedHtml(html: string): string {
  return dropWordBullets(html.replace(STYLE_ELEMENT, '')).replace(START_TAG, (tag) => {
    const name = /^<[^\s/>]+/.exec(tag)![0];
    const rest = tag.slice(name.length).replace(ATTRIBUTE, (attribute, _space: string, attributeName: string) =>
      /^on/i.test(attributeName) ? '' : attribute,
    );
    return name + rest;
  });
}

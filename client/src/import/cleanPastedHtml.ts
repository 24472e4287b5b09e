// A start tag: its name, then attributes whose quoted values may hold `>`.
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const STYLE_ELEMENT = /<style(?:\s[^>]*)?>[\s\S]*?<\/style\s*>/gi;

/**
 * Pasted HTML without style elements (Word's style definitions) and event-handler attributes
 * (`onclick`, `onerror`, …), before any DOM parses it. Parsing never applied or ran them (the
 * clipboard is parsed in inert documents, and the app's CSP refuses both), but Chromium reports
 * each one it refuses as a CSP violation, and the paste loses nothing by their removal: neither the
 * editor nor the importer reads them. Text, comments and every other attribute (style ones
 * included: the importer reads formatting from them) are left as they are.
 */
export function cleanPastedHtml(html: string): string {
  return html.replace(STYLE_ELEMENT, '').replace(START_TAG, (tag) => {
    const name = /^<[^\s/>]+/.exec(tag)![0];
    const rest = tag.slice(name.length).replace(ATTRIBUTE, (attribute, _space: string, attributeName: string) =>
      /^on/i.test(attributeName) ? '' : attribute,
    );
    return name + rest;
  });
}

// What the server's schema check of a client update costs per keystroke, against a whole-story check.
// Run: node --import tsx bench/schemaCheckCost.ts [--keys 2000] [--words 20000]
import { cpus, loadavg } from 'node:os';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { articleNode } from '../shared/article/articleNode.ts';
import type { ArticleJson } from '../shared/article/ArticleJson.ts';
import { articleState } from '../shared/article/articleState.ts';
import { countWords } from '../shared/article/countWords.ts';
import { fixtureArticleJson } from '../shared/article/fixtureArticle.ts';
import { readArticle } from '../shared/article/readArticle.ts';
import { textOf } from '../shared/article/textOf.ts';
import { DOC_FIELD, META_MAP } from '../shared/collab/docFields.ts';
import { schemaViolation, storyViolation } from '../server/collab/storyFitsSchema.ts';
import { touchedTypes } from '../server/collab/touchedTypes.ts';
import { percentile } from './percentile.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const KEYS = arg('keys', 2000);
const WORDS = arg('words', 20_000);

/** The fixture story with its body blocks repeated until it holds at least `words` words. */
function storyOf(words: number): ArticleJson {
  const article = fixtureArticleJson();
  const content = article.doc.content!;
  const body = content.slice(2);
  const bodyWords = countWords(body.map((block) => textOf(block)).join(' '));
  let total = countWords(content.map((block) => textOf(block)).join(' '));
  while (total < words) {
    content.push(...(structuredClone(body) as JSONContent[]));
    total += bodyWords;
  }
  return article;
}

const micros = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1000;

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return `mean ${mean.toFixed(1)} µs, p50 ${percentile(sorted, 50).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}`;
}

/**
 * Types KEYS characters into the paragraph in the middle of the story on a client replica (one
 * update per character, as y-prosemirror writes a keystroke), pressing Enter every `enterEvery`th key and typing on in the new paragraph, and
 * times on the server: touchedTypes + schemaViolation per update, and the whole-story checks.
 */
function measure(label: string, article: ArticleJson, prepare?: (client: Y.Doc) => void, enterEvery = 40): void {
  const server = new Y.Doc();
  Y.applyUpdate(server, articleState(article));
  if (prepare) {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    prepare(writer);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(server)));
    writer.destroy();
  }
  server.getXmlFragment(DOC_FIELD);
  server.getMap(META_MAP);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const fragment = client.getXmlFragment(DOC_FIELD);
  const words = countWords(readArticle(server).doc.content!.map((block) => textOf(block)).join(' '));
  const blocks = fragment.length;

  const typing: number[] = [];
  const enter: number[] = [];
  const applying: number[] = [];
  let checkTime = 0;
  let violations = 0;
  server.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin !== 'client') return;
    const t0 = process.hrtime.bigint();
    const violation = schemaViolation(server, touchedTypes(transaction));
    checkTime = micros(t0);
    if (violation) violations += 1;
  });

  let paragraph = fragment.toArray().findIndex((node, i) => i >= blocks / 2 && node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  for (let key = 0; key < KEYS; key += 1) {
    const isEnter = key % enterEvery === enterEvery - 1;
    const target = fragment.get(paragraph) as Y.XmlElement;
    const text = target.get(0) as Y.XmlText;
    if (isEnter) {
      // Enter at the end of the paragraph: y-prosemirror inserts a new paragraph with its Y.XmlText.
      const next = new Y.XmlElement('paragraph');
      next.insert(0, [new Y.XmlText('')]);
      fragment.insert(paragraph + 1, [next]);
      paragraph += 1;
    } else {
      text.insert(text.length, key % 6 === 5 ? ' ' : 'x');
    }
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    const t0 = process.hrtime.bigint();
    Y.applyUpdate(server, update, 'client');
    applying.push(micros(t0) - checkTime);
    (isEnter ? enter : typing).push(checkTime);
  }

  const fullPm: number[] = [];
  const fullOurs: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    let t0 = process.hrtime.bigint();
    articleNode(readArticle(server).doc);
    fullPm.push(micros(t0));
    t0 = process.hrtime.bigint();
    if (storyViolation(server)) violations += 1;
    fullOurs.push(micros(t0));
  }

  console.log(`\n${label}: ${words} words, ${blocks} blocks, ${KEYS} keystrokes (violations: ${violations})`);
  console.log(`  touchedTypes + schemaViolation, a typed character: ${summary(typing)}`);
  if (enter.length) console.log(`  touchedTypes + schemaViolation, Enter (new block): ${summary(enter)}`);
  console.log(`  Y.applyUpdate of the same updates:  ${summary(applying)}`);
  console.log(`  whole story, readArticle + Node.fromJSON().check(): ${summary(fullPm)}`);
  console.log(`  whole story, storyViolation:                       ${summary(fullOurs)}`);
  server.destroy();
  client.destroy();
}

console.log(`${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (wall-clock times: a loaded machine inflates them)`);
measure('fixture story', fixtureArticleJson());
measure(`${WORDS}-word story`, storyOf(WORDS));

/** One paragraph grown to `chars` characters by single keystrokes at scattered places: thousands of Yjs items in one Y.XmlText. */
function scatteredParagraph(chars: number): (writer: Y.Doc) => void {
  return (writer) => {
    const fragment = writer.getXmlFragment(DOC_FIELD);
    const paragraph = fragment.toArray().findIndex((node, i) => i >= fragment.length / 2 && node instanceof Y.XmlElement && node.nodeName === 'paragraph');
    const text = (fragment.get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
    let seed = 7;
    for (let i = 0; i < chars; i += 1) {
      seed = (seed * 48271) % 2147483647;
      text.insert(seed % (text.length + 1), i % 6 === 5 ? ' ' : 'y');
    }
  };
}
measure('fixture story, the typed paragraph grown to 20,000 scattered keystrokes', fixtureArticleJson(), scatteredParagraph(20_000), Infinity);

import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { DOC_FIELD } from '../shared/collab/docFields.ts';
import { articleSchema } from '../shared/editor/schema.ts';
import { collabUrl, createStory, getArticle, getWithSession, type SessionCookie } from './api.ts';
import { BenchServer, delay } from './BenchServer.ts';
import { now } from './BenchWriter.ts';
import { largeStoryParagraphs } from './largeStory.ts';
import { openStory } from './openStory.ts';
import { percentile } from './percentile.ts';
import { loadSequentialTrace } from './traces.ts';

export interface LoadTimeOptions {
  words: number;
  runs: number;
  /** The Copydesk server command (default: from the TypeScript sources). */
  command?: string;
}

/** Medians (and all runs) of one way of opening the story. */
export interface LoadTimings {
  runsMs: number[];
  medianMs: number;
}

/** What opening a long story costs. */
export interface LoadTimeResult {
  words: number;
  paragraphs: number;
  /** Words the server reports for the story (GET /api/articles/:id). */
  serverWordCount: number;
  /** Size of the story's Yjs state as a new client receives it. */
  stateBytes: number;
  /** Connect → synced when the server must load the story from SQLite (no one else has it open). */
  cold: LoadTimings;
  /** Connect → synced while another client keeps the story open (already in the server's memory). */
  warm: LoadTimings;
  /** Building the ProseMirror document from the synced Y.Doc, as the browser does before showing it. */
  proseMirrorBuild: LoadTimings;
  /** GET /api/articles/:id/export?format=html. */
  exportHtml: LoadTimings;
  serverPeakRssMiB: number;
}

const USER = { name: 'Bench reader', color: '#4363d8' };
/** Paragraphs per transaction while the long story is written: a long session, not one paste. */
const PARAGRAPHS_PER_UPDATE = 20;
/** Short, so each cold run really finds the story unloaded without a long wait. */
const UNLOAD_DELAY_MS = 200;

/** Writes a long story through a client, then times new clients opening it. */
export async function runLoadTimeScenario(options: LoadTimeOptions): Promise<LoadTimeResult> {
  const paragraphs = largeStoryParagraphs(options.words, [loadSequentialTrace('seph-blog1').endContent]);
  const server = await BenchServer.start({ env: { UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS) }, ...(options.command ? { command: options.command } : {}) });
  try {
    const url = collabUrl(server.url);
    const id = await createStory(server.url, 'A long read for the load benchmark', server.cookie);

    const writer = openStory(url, id, { name: 'Bench writer', color: '#e6194b' }, server.cookie);
    await writer.synced;
    const fragment = writer.doc.getXmlFragment(DOC_FIELD);
    for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_UPDATE) {
      writer.doc.transact(() => {
        fragment.push(paragraphs.slice(i, i + PARAGRAPHS_PER_UPDATE).map(paragraphElement));
      });
      await delay(2);
    }
    const serverWordCount = await waitForWordCount(server.url, server.cookie, id, options.words);
    writer.destroy();
    // The last client left: the server stores and unloads the story.
    await delay(UNLOAD_DELAY_MS + 800);

    const cold: number[] = [];
    const build: number[] = [];
    let stateBytes = 0;
    for (let i = 0; i < options.runs; i++) {
      const { ms, doc, destroy } = await timeOpen(url, id, server.cookie);
      cold.push(ms);
      stateBytes = Y.encodeStateAsUpdate(doc).byteLength;
      const t0 = now();
      yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOC_FIELD), articleSchema);
      build.push(now() - t0);
      destroy();
      await delay(UNLOAD_DELAY_MS + 500);
    }

    const holder = openStory(url, id, USER, server.cookie);
    await holder.synced;
    const warm: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const { ms, destroy } = await timeOpen(url, id, server.cookie);
      warm.push(ms);
      destroy();
      await delay(100);
    }
    holder.destroy();

    const exportHtml: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const t0 = now();
      const res = await getWithSession(`${server.url}/api/articles/${encodeURIComponent(id)}/export?format=html`, server.cookie);
      if (!res.ok) throw new Error(`Export answered ${res.status}`);
      exportHtml.push(now() - t0);
    }

    return {
      words: options.words,
      paragraphs: paragraphs.length,
      serverWordCount,
      stateBytes,
      cold: timings(cold),
      warm: timings(warm),
      proseMirrorBuild: timings(build),
      exportHtml: timings(exportHtml),
      serverPeakRssMiB: server.peakRss() / 2 ** 20,
    };
  } finally {
    await server.stop();
  }
}

function paragraphElement(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

async function timeOpen(url: string, id: string, cookie: SessionCookie): Promise<{ ms: number; doc: Y.Doc; destroy: () => void }> {
  const t0 = now();
  const client = openStory(url, id, USER, cookie);
  await client.synced;
  return { ms: now() - t0, doc: client.doc, destroy: client.destroy };
}

/** Waits until the server's (debounced) word count has caught up with the story; returns the last count seen. */
async function waitForWordCount(baseUrl: string, cookie: SessionCookie, id: string, words: number, timeoutMs = 20_000): Promise<number> {
  const end = now() + timeoutMs;
  let count = 0;
  while (now() < end) {
    count = (await getArticle(baseUrl, id, cookie)).wordCount;
    if (count >= words) return count;
    await delay(250);
  }
  return count;
}

function timings(runsMs: number[]): LoadTimings {
  return { runsMs, medianMs: percentile(Float64Array.from(runsMs).sort(), 50) };
}

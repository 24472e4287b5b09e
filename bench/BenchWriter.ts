import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { DOC_FIELD } from '../shared/collab/docFields.ts';
import { openStory, type StoryClient } from './openStory.ts';
import type { TraceReplay } from './TraceReplay.ts';

/** The Y.Map where each writer stamps the send time of its latest keystroke. */
export const BENCH_MAP = 'bench';

/** A wall-clock timestamp in milliseconds with sub-millisecond resolution, comparable across processes. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export interface BenchWriterOptions {
  /** e.g. `ws://127.0.0.1:3000/collab` */
  collabUrl: string;
  /** Which of several servers `collabUrl` is (absent with one server): stamped on each keystroke. */
  server?: number;
  storyId: string;
  /** Session cookie sent on the WebSocket handshake. */
  cookie: string | null;
  name: string;
  color: string;
  replay: TraceReplay;
  /**
   * Called with receive − send time (ms) for every keystroke of another writer that reaches this
   * one; `acrossServers` when the sender was connected to another server.
   */
  onLatency: (ms: number, sentAt: number, acrossServers: boolean) => void;
}

/**
 * A headless journalist: a `WebsocketProvider` with its own Y.Doc that types a real editing
 * trace into its own paragraph of the story, moving its named cursor like a browser does.
 * Each keystroke and its send time travel in one Yjs transaction, so every other writer
 * can time the fan-out.
 */
export class BenchWriter {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  private readonly client: StoryClient;
  private text: Y.XmlText | null = null;
  private readonly stamps: Y.Map<number>;
  private readonly key: string;
  /** Keystrokes this writer sent. */
  sent = 0;
  /** Keystrokes of other writers this writer received. */
  received = 0;
  /** Close codes the server sent this writer. */
  readonly closeCodes: number[] = [];

  constructor(private readonly options: BenchWriterOptions) {
    this.client = openStory(options.collabUrl, options.storyId, { name: options.name, color: options.color }, options.cookie);
    this.doc = this.client.doc;
    this.provider = this.client.provider;
    // With several servers the key names the sender's server too: `<server>/<clientID>`.
    this.key = options.server === undefined ? String(this.doc.clientID) : `${options.server}/${this.doc.clientID}`;
    this.stamps = this.doc.getMap<number>(BENCH_MAP);
    this.stamps.observe((event) => {
      if (event.transaction.local) return;
      const at = now();
      for (const key of event.keysChanged) {
        if (key === this.key) continue;
        const sentAt = this.stamps.get(key);
        if (typeof sentAt !== 'number') continue;
        this.received++;
        options.onLatency(at - sentAt, sentAt, options.server !== undefined && serverOf(key) !== options.server);
      }
    });
    this.provider.on('connection-close', (event) => {
      if (event) this.closeCodes.push(event.code);
    });
  }

  /** Resolves once the story has been loaded from the server. */
  synced(): Promise<void> {
    return this.client.synced;
  }

  /**
   * Appends this writer's paragraph after the server's seeded document, holding the text
   * the trace had reached where this writer starts (one paste).
   */
  startParagraph(): void {
    const fragment = this.doc.getXmlFragment(DOC_FIELD);
    this.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.push([paragraph]);
      if (this.options.replay.initialText) text.insert(0, inline(this.options.replay.initialText));
      this.text = text;
    });
  }

  /** Types the next transaction of the trace. */
  keystroke(): void {
    const text = this.text;
    if (!text) throw new Error('startParagraph() must come before keystroke()');
    const patches = this.options.replay.next();
    let cursor = 0;
    this.doc.transact(() => {
      for (const [pos, del, ins] of patches) {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, inline(ins));
        cursor = pos + ins.length;
      }
      this.stamps.set(this.key, now());
    });
    this.sent++;
    const head = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, cursor));
    this.provider.awareness.setLocalStateField('cursor', { anchor: head, head });
  }

  /** Digest of the story body as this writer sees it, to check that writers converged. */
  bodyXml(): string {
    return this.doc.getXmlFragment(DOC_FIELD).toString();
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The server in a `<server>/<clientID>` key; undefined in a plain `<clientID>` key. */
export function serverOf(key: string): number | undefined {
  const slash = key.indexOf('/');
  return slash === -1 ? undefined : Number(key.slice(0, slash));
}

/** Paragraph text holds no line breaks; a space keeps every trace position valid. */
function inline(text: string): string {
  return text.replace(/\n/g, ' ');
}

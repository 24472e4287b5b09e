import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { undoneRuns } from './undoneRuns.ts';
import { GatheredWords, MAX_UNDONE_CHARS } from './GatheredWords.ts';
import { wordsIntoDeletedBlocks } from './wordsIntoDeletedBlocks.ts';

const WRITER = 'writer';

/** A story of paragraphs (XmlText in XmlElements). */
function story(paragraphs: string[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('doc');
  doc.transact(() => {
    fragment.insert(
      0,
      paragraphs.map((words) => {
        const block = new Y.XmlElement('paragraph');
        block.insert(0, [new Y.XmlText(words)]);
        return block;
      }),
    );
  });
  const texts = () => fragment.toArray().map((block) => (block as Y.XmlElement).get(0) as Y.XmlText);
  return { doc, fragment, texts };
}

/** `edit` as the writer's transaction, then undone as the gate undoes it: the words it gives back, joined per block. */
function wordsOfEdit(paragraphs: string[], edit: (texts: Y.XmlText[], fragment: Y.XmlFragment) => void): string[] {
  const { doc, fragment, texts } = story(paragraphs);
  const manager = new Y.UndoManager(fragment, { trackedOrigins: new Set([WRITER]), captureTimeout: 0 });
  doc.transact(() => {
    edit(texts(), fragment);
    // Outside what the undo covers: stays, so it is not given back.
    doc.getText('elsewhere').insert(0, 'Not undone.');
  }, WRITER);
  const words = new GatheredWords();
  doc.transact((transaction) => {
    words.add(undoneRuns(transaction, manager.undoStack.at(-1)!.insertions, new Set([fragment])));
    manager.undo();
  });
  // The undo takes every inserted word away again.
  expect(texts().map((text) => text.toString())).toEqual(paragraphs);
  return words.take().words;
}

describe('undoneRuns and GatheredWords: what an undone edit typed, for its writer', () => {
  it('gives the inserted words in story order per block, without what the edit deleted again', () => {
    const words = wordsOfEdit(['The council approved the budget.'], ([first], fragment) => {
      first!.insert(first!.length - 1, ' on Tuesday');
      first!.insert(' The council'.length - 1, ' unanimously');
      const block = new Y.XmlElement('paragraph');
      const text = new Y.XmlText('Crews worked through the night.');
      block.insert(0, [text]);
      fragment.insert(1, [block]);
      text.delete('Crews worked'.length, ' through'.length);
    });
    // Two runs of one block join up, as the words typed there, spaces and all.
    expect(words).toEqual([' unanimously on Tuesday', 'Crews worked the night.']);
  });

  it('gives nothing for an edit that only deleted or formatted', () => {
    expect(
      wordsOfEdit(['The council approved the budget.'], ([first]) => {
        first!.format(0, 3, { bold: true });
        first!.delete(4, 8);
      }),
    ).toEqual([]);
  });

});

describe('wordsIntoDeletedBlocks: what a writer types on into a block that was deleted before', () => {
  it('gives the words typed into a deleted block, key by key, and not those typed into live blocks', () => {
    const server = story(['The council approved the budget.', 'Crews worked']);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server.doc));
    const writerTexts = () => writer.getXmlFragment('doc').toArray().map((block) => (block as Y.XmlElement).get(0) as Y.XmlText);
    // The server deletes the second block; the writer has not heard and types on in it, and in the first.
    server.fragment.delete(1, 1);
    const seen: string[][] = [];
    server.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      seen.push(wordsIntoDeletedBlocks(transaction, applying!).map((run) => run.text));
    });
    let applying: Uint8Array | null = null;
    const send = (update: Uint8Array) => {
      applying = update;
      Y.applyUpdate(server.doc, update);
    };
    for (const key of ' through') {
      const before = Y.encodeStateVector(writer);
      writerTexts()[1]!.insert(writerTexts()[1]!.length, key);
      send(Y.encodeStateAsUpdate(writer, before));
    }
    const before = Y.encodeStateVector(writer);
    writerTexts()[0]!.insert(0, 'Today ');
    send(Y.encodeStateAsUpdate(writer, before));
    expect(seen).toEqual([[' '], ['t'], ['h'], ['r'], ['o'], ['u'], ['g'], ['h'], []]);
  });

  it('gives nothing for a block the update deleted itself, nor for words it typed and deleted', () => {
    const server = story(['The council approved the budget.']);
    const seen: string[][] = [];
    server.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      seen.push(wordsIntoDeletedBlocks(transaction, Y.encodeStateAsUpdate(server.doc)).map((run) => run.text));
    });
    server.doc.transact(() => {
      const text = server.texts()[0]!;
      text.insert(0, 'Gone ');
      text.delete(0, 5);
      const block = new Y.XmlElement('paragraph');
      block.insert(0, [new Y.XmlText('A block typed and deleted.')]);
      server.fragment.insert(1, [block]);
      server.fragment.delete(1, 1);
    });
    expect(seen).toEqual([[]]);
  });

  it('reads a huge update of scattered keystrokes into a deleted block in one pass, up to the limit', () => {
    const server = story(['Kept.', 'Deleted.']);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server.doc));
    server.fragment.delete(1, 1);
    // 200,000 keystrokes, each at the start of the block: no two of them merge into one struct.
    const text = (writer.getXmlFragment('doc').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const before = Y.encodeStateVector(writer);
    writer.transact(() => {
      for (let i = 0; i < 200_000; i += 1) text.insert(0, 'k');
    });
    const update = Y.encodeStateAsUpdate(writer, before);
    let runs: ReturnType<typeof wordsIntoDeletedBlocks> = [];
    server.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      runs = wordsIntoDeletedBlocks(transaction, update);
    });
    Y.applyUpdate(server.doc, update);
    expect(runs).toEqual([{ block: null, text: 'k'.repeat(MAX_UNDONE_CHARS) }]);
  });
});

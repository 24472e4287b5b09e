import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { storyAuthorship, SERVER_MADE_COLOR, UNKNOWN_COLOR } from './storyAuthorship.ts';

/** A story of one paragraph whose text three clients wrote in turn; `mid` is deleted again by client 1. */
function story(): Y.Doc {
  const ana = new Y.Doc();
  ana.clientID = 1;
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  ana.getXmlFragment(DOC_FIELD).insert(0, [paragraph]);
  paragraph.insert(0, [text]);
  text.insert(0, 'Ana types. ');
  const server = new Y.Doc();
  server.clientID = 2;
  Y.applyUpdate(server, Y.encodeStateAsUpdate(ana));
  const serverText = (server.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  serverText.insert(11, 'Restored words. ');
  serverText.insert(27, 'More restored. ');
  const bo = new Y.Doc();
  bo.clientID = 3;
  Y.applyUpdate(bo, Y.encodeStateAsUpdate(server));
  const boText = (bo.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  boText.insert(42, 'Bo adds. gone');
  boText.delete(51, 4);
  return bo;
}

describe('storyAuthorship', () => {
  const accounts = new Map([
    ['ana', { displayName: 'Ana A', color: '#d1495b' }],
    ['ed', { displayName: 'Ed E', color: '#00798c' }],
  ]);

  it('names each run by its client’s writer or its clock range, skips deleted text, merges neighbours', () => {
    const view = storyAuthorship(
      's1',
      story(),
      {
        writers: [{ clientId: 1, username: 'ana' }],
        // Two server transactions of one restore, recorded apart: one run. Client 3 wrote for nobody known.
        ranges: [
          { clientId: 2, from: 0, to: 16, kind: 'restore', by: 'ed', detail: '4' },
          { clientId: 2, from: 16, to: 31, kind: 'restore', by: 'ed', detail: '4' },
        ],
      },
      accounts,
    );
    expect(view.blocks).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: 'Ana types. ', author: 'writer:ana' },
          { text: 'Restored words. More restored. ', author: 'restore:ed:4' },
          { text: 'Bo adds. ', author: 'unknown' },
        ],
      },
    ]);
    expect(view.authors).toEqual([
      { id: 'writer:ana', kind: 'writer', writer: { username: 'ana', name: 'Ana A' }, by: null, label: 'Ana A', color: '#d1495b' },
      { id: 'restore:ed:4', kind: 'restore', writer: null, by: { username: 'ed', name: 'Ed E' }, label: 'Restored by Ed E (version 4)', color: SERVER_MADE_COLOR },
      { id: 'unknown', kind: 'unknown', writer: null, by: null, label: 'Unknown (written before authorship was recorded)', color: UNKNOWN_COLOR },
    ]);
  });

  // Client 1's clocks 0 and 1 are the paragraph and its text: its words start at clock 2.
  it('splits one item where an accepted range starts and ends', () => {
    const view = storyAuthorship(
      's1',
      story(),
      { writers: [{ clientId: 1, username: 'ana' }], ranges: [{ clientId: 1, from: 6, to: 11, kind: 'accepted_suggestion', by: 'ed', detail: 'x' }] },
      accounts,
    );
    expect(view.blocks[0]!.spans.slice(0, 3)).toEqual([
      { text: 'Ana ', author: 'writer:ana' },
      { text: 'types', author: 'accepted_suggestion:ana:ed' },
      { text: '. ', author: 'writer:ana' },
    ]);
    expect(view.authors.find((author) => author.kind === 'accepted_suggestion')).toMatchObject({ label: 'Suggested by Ana A, accepted by Ed E', color: '#d1495b' });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, commentsMap, reply } from '../../shared/review/commentThreads.ts';
import { listThreads } from '../../shared/review/listThreads.ts';
import { bodyTexts, editStory, rangeOf, resolveSuggestion, storyDoc, suggestReplace, typeAt } from '../test/storyEdits.ts';
import { storyDoc as seedStory, storyJson } from '../versions/testStory.ts';
import { UpdateGate, type GateRules } from './UpdateGate.ts';

const CLIENT = { kind: 'client' };
const REFUSED = { kind: 'refused' };
const rita = { id: 'rita', name: 'Rita Reporter', color: '#2471a3' };
const edna = { id: 'edna', name: 'Edna Editor', color: '#c0392b' };

/** A live story with its gate, and a client replica that sends its changes through the gate. */
function room(paragraphs = ['Only 290 expatriates remain in the country.']) {
  const live = seedStory(storyJson('Exodus', paragraphs));
  const gate = new UpdateGate(live);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const send = (rules: GateRules) => {
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
    const refusal = gate.apply(update, CLIENT, REFUSED, rules);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live, Y.encodeStateVector(client)));
    return refusal;
  };
  return { live, gate, client, send };
}

const suggestionsOnly: GateRules = { suggestionsOnly: true, author: { username: 'rita', displayName: 'Rita Reporter' } };
const anything: GateRules = { suggestionsOnly: false };

describe('UpdateGate', () => {
  it('passes ordinary edits through with the client origin', () => {
    const { live, client, send } = room();
    const origins: unknown[] = [];
    live.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    typeAt(client, (doc) => rangeOf(doc, 'expatriates').from, 'foreign ');
    expect(send(anything)).toBeNull();
    expect(bodyTexts(live)).toEqual(['Only 290 foreign expatriates remain in the country.']);
    expect(origins).toEqual([CLIENT]);
  });

  it('undoes a thread written straight into the comments map, for the sender too', () => {
    const { live, client, send } = room();
    const { from, to } = rangeOf(storyDoc(client), 'expatriates');
    addThread(client, { from, to, body: 'Forged in the name of the desk chief', author: edna });
    expect(send(anything)).toBe('comments');
    expect(listThreads(live)).toEqual([]);
    expect(listThreads(client)).toEqual([]);
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(live));
  });

  it('undoes a reply forged into an existing thread, and a thread deleted by hand, keeping the story in step', () => {
    const { live, client, send } = room();
    const { from, to } = rangeOf(storyDoc(live), 'expatriates');
    const threadId = addThread(live, { from, to, body: 'Source?', author: edna });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live, Y.encodeStateVector(client)));
    reply(client, threadId, { body: 'Yes (signed: Edna)', author: edna });
    expect(send(anything)).toBe('comments');
    commentsMap(client).delete(threadId);
    expect(send(anything)).toBe('comments');
    const threads = listThreads(live);
    expect(threads.map((thread) => thread.replies.map((entry) => entry.body))).toEqual([['Source?']]);
    expect(listThreads(client)).toEqual(threads);
  });

  it('while suggesting is required: passes a suggestion and rejecting one, undoes accepting one and a plain edit', () => {
    const { live, client, send } = room();
    suggestReplace(client, rita, 's1', '290', '300');
    expect(send(suggestionsOnly)).toBeNull();
    suggestReplace(client, rita, 's2', ' in the country', '');
    expect(send(suggestionsOnly)).toBeNull();
    // Only editors accept: a reporter accepting her own suggestion would make it a plain edit.
    resolveSuggestion(client, 's1', true);
    expect(send(suggestionsOnly)).toBe('not_a_suggestion');
    resolveSuggestion(client, 's2', false);
    expect(send(suggestionsOnly)).toBeNull();
    resolveSuggestion(client, 's1', true);
    expect(send(anything)).toBeNull();
    expect(bodyTexts(live)).toEqual(['Only 300 expatriates remain in the country.']);

    typeAt(client, (doc) => rangeOf(doc, 'remain').from, 'still ');
    expect(send(suggestionsOnly)).toBe('not_a_suggestion');
    expect(bodyTexts(live)).toEqual(['Only 300 expatriates remain in the country.']);
    expect(bodyTexts(client)).toEqual(bodyTexts(live));
    // The same edit from an editor (no requirement) goes through, and the replicas stay in step.
    typeAt(client, (doc) => rangeOf(doc, 'remain').from, 'still ');
    expect(send(anything)).toBeNull();
    expect(bodyTexts(live)).toEqual(['Only 300 expatriates still remain in the country.']);
  });

  it('undoes a plain deletion of words while suggesting is required, restoring them for everyone', () => {
    const { live, client, send } = room(['First paragraph stays.', 'Second paragraph goes.']);
    editStory(client, (tr) => {
      const { from, to } = rangeOf(tr.doc, 'Second paragraph goes.');
      return tr.delete(from, to);
    });
    expect(bodyTexts(client)).toEqual(['First paragraph stays.', '']);
    expect(send(suggestionsOnly)).toBe('not_a_suggestion');
    expect(bodyTexts(live)).toEqual(['First paragraph stays.', 'Second paragraph goes.']);
    expect(bodyTexts(client)).toEqual(bodyTexts(live));
  });

  it('keeps following the story: a server change reaches the replica it checks against', () => {
    const { live, client, send } = room();
    typeAt(live, (doc) => rangeOf(doc, 'remain').from, 'now ');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live, Y.encodeStateVector(client)));
    suggestReplace(client, rita, 's1', 'now ', '');
    expect(send(suggestionsOnly)).toBeNull();
    expect(bodyTexts(live)).toEqual(['Only 290 expatriates now remain in the country.']);
  });

  it('lets nothing of an update wait in the story for a missing dependency and slip in later unchecked', () => {
    const { live, gate, client, send } = room();
    const { from, to } = rangeOf(storyDoc(live), 'expatriates');
    // A forger predicts the id of the server's next change and builds on it: an overwrite of
    // whatever that change will be, sent before the change exists.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(live));
    const serverClock = Y.getState(live.store, live.clientID);
    forger.clientID = live.clientID;
    commentsMap(forger).set('bait', new Y.Map());
    forger.clientID = 4242;
    commentsMap(forger).set('bait', new Y.Map([['body', 'forged']]));
    const withoutBait = new Map(Y.decodeStateVector(Y.encodeStateVector(forger)));
    withoutBait.set(live.clientID, serverClock + 1);
    withoutBait.delete(4242);
    const forged = Y.encodeStateAsUpdate(forger, Y.encodeStateVector(withoutBait));
    expect(gate.apply(forged, CLIENT, REFUSED, anything)).toBeNull();

    // The server writes a thread (that change has the predicted id), then anyone edits.
    const threadId = addThread(live, { from, to, body: 'Source?', author: edna });
    const threads = listThreads(live);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live, Y.encodeStateVector(client)));
    typeAt(client, (doc) => rangeOf(doc, 'remain').from, 'still ');
    expect(send(anything)).toBeNull();
    expect(listThreads(live)).toEqual(threads);
    expect(commentsMap(live).get(threadId)?.get('body')).not.toBe('forged');
    expect(JSON.stringify(commentsMap(live).toJSON())).not.toContain('forged');
    expect(bodyTexts(live)).toEqual(['Only 290 expatriates still remain in the country.']);
  });

  it('keeps an update that arrived before the sync step 2 it builds on: the step 2 carries it again', () => {
    const { live, gate, client } = room();
    typeAt(client, (doc) => rangeOf(doc, 'remain').from, 'still ');
    const afterOffline = Y.encodeStateVector(client);
    typeAt(client, (doc) => rangeOf(doc, 'remain').from, 'all ');
    // Typed right after reconnecting: the provider sends it before answering the server's step 1.
    const early = Y.encodeStateAsUpdate(client, afterOffline);
    expect(gate.apply(early, CLIENT, REFUSED, anything)).toBeNull();
    expect(gate.apply(Y.encodeStateAsUpdate(client, Y.encodeStateVector(live)), CLIENT, REFUSED, anything)).toBeNull();
    expect(bodyTexts(live)).toEqual(['Only 290 expatriates still all remain in the country.']);
    expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(client));
  });
});

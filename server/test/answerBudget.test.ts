import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStory, createUser, metricValue, settlesWithin, waitFor, type TestUser } from './helpers.ts';
import { appendParagraphUpdate, openRawSocket, syncUpdateFrame, type RawSocket } from './rawSocket.ts';
import { useTestServer } from './testServer.ts';

const RATE = 20_000;
const BURST = 60_000;
/** A sync step 1 with an empty state vector: "send me the whole story". */
const WHOLE_STORY = Uint8Array.of(0, 0, 1, 0);
const QUERY_AWARENESS = Uint8Array.of(3);

/** The update inside a sync step 2 frame (0, 1, update), or null for any other frame. */
function stepTwoUpdate(frame: Buffer): Uint8Array | null {
  if (frame[0] !== 0 || frame[1] !== 1) return null;
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

const stepTwoBytes = (socket: RawSocket) => socket.received.reduce((sum, frame) => sum + (stepTwoUpdate(frame) ? frame.byteLength : 0), 0);

/**
 * A signed-in script asking for the whole story again and again (or reconnecting to ask again)
 * would have the server encode it each time: one account's answers are bounded in bytes
 * (SYNC_ANSWER_BYTES_PER_SECOND, SYNC_ANSWER_BURST_BYTES), so everybody else is still answered at once.
 */
describe("one account's answers", () => {
  const server = useTestServer({ syncAnswerBytesPerSecond: RATE, syncAnswerBurstBytes: BURST });
  let rita: TestUser;
  let sam: TestUser;
  let ed: TestUser;
  let id: string;
  let storyBytes = 0;
  const sockets: RawSocket[] = [];
  const open = (user: TestUser) => {
    const socket = openRawSocket(server.url, id, { auth: user.auth });
    sockets.push(socket);
    return socket;
  };

  const heldBack = () => metricValue(server.url, 'copydesk_sync_answers_held_back_total');

  beforeAll(async () => {
    rita = await createUser(server.url, server.admin, 'rita', 'reporter');
    sam = await createUser(server.url, server.admin, 'sam', 'reporter');
    ed = await createUser(server.url, server.admin, 'ed', 'editor');
    id = await createStory(server.url, 'Budget night', rita.auth);
    // A story of about 40 KB, written by its reporter. Sam, a colleague, may read it.
    const socket = open(rita);
    await socket.greeted;
    await socket.barrier();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stepTwoUpdate(socket.received.at(-1)!)!);
    socket.send(syncUpdateFrame(appendParagraphUpdate(doc, 'Tax bands frozen until the end of the decade. '.repeat(900))));
    await socket.barrier();
    storyBytes = stepTwoUpdate(socket.received.at(-1)!)!.byteLength;
    socket.ws.close();
    expect(storyBytes).toBeGreaterThan(BURST / 2);
  });

  afterAll(() => {
    for (const socket of sockets) socket.ws.terminate();
  });

  it('are sent within the budget, while a colleague is answered at once; reconnecting does not refill it', async () => {
    expect(await heldBack()).toBe(0);
    const script = open(sam);
    await script.greeted;
    const started = performance.now();
    for (let i = 0; i < 40; i++) script.send(WHOLE_STORY);
    // Without a bound, all 40 answers (about 1.6 MB) would arrive within the second.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = stepTwoBytes(script);
    const elapsed = (performance.now() - started) / 1000;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(BURST + RATE * elapsed + storyBytes + 64);
    expect(await heldBack()).toBeGreaterThan(0);

    // Ed asks for the whole story too: his account is not the script's.
    const colleague = open(ed);
    await colleague.greeted;
    expect(await settlesWithin(colleague.barrier(), 1000)).toBe(true);

    // The script's answers keep their order and keep coming, at the rate.
    const before = stepTwoBytes(script);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(stepTwoBytes(script)).toBeGreaterThan(before);
    for (const frame of script.received) {
      const update = stepTwoUpdate(frame);
      if (update) expect(update.byteLength).toBe(storyBytes);
    }

    // A new socket of the same account waits its turn too; its awareness query (a browser's
    // heartbeat, which reconnects without an answer) is still answered.
    script.ws.terminate();
    const again = open(sam);
    await again.greeted;
    expect(await settlesWithin(again.barrier(), 300)).toBe(false);
    const frames = again.received.length;
    again.send(QUERY_AWARENESS);
    await waitFor('the awareness answer', () => again.received.slice(frames).some((frame) => frame[0] === 1));
  });
});

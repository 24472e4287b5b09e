import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangesRefused } from './changesRefused.ts';
import { readRefusalNotice, writeRefusalNotice } from './refusalNotice.ts';

describe('refusal notices', () => {
  it('are the bare reason when no words were undone, as plain y-websocket clients print it', () => {
    expect(writeRefusalNotice({ reason: ChangesRefused.ReadOnly, words: [] })).toBe('read_only');
    expect(readRefusalNotice('read_only')).toEqual({ reason: 'read_only', words: [] });
  });

  it('read back what was written, for any reason and words', () => {
    fc.assert(
      fc.property(fc.string().filter((reason) => !reason.includes('\n')), fc.array(fc.string({ minLength: 1 })), (reason, words) => {
        expect(readRefusalNotice(writeRefusalNotice({ reason, words }))).toEqual({ reason, words });
      }),
    );
  });

  it('keep the reason of a notice whose words are not a list of strings', () => {
    expect(readRefusalNotice('schema\nnot json')).toEqual({ reason: 'schema', words: [] });
    expect(readRefusalNotice('schema\n{"a":1}')).toEqual({ reason: 'schema', words: [] });
    expect(readRefusalNotice('schema\n["kept", 3, ""]')).toEqual({ reason: 'schema', words: ['kept'] });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangesRefused } from './changesRefused.ts';
import { readRefusalNotice, withNoticeId, writeRefusalNotice } from './refusalNotice.ts';

describe('refusal notices', () => {
  it('are the bare reason when no words were undone, as plain y-websocket clients print it', () => {
    expect(writeRefusalNotice({ reason: ChangesRefused.ReadOnly, words: [], continues: false, followUp: false })).toBe('read_only');
    expect(readRefusalNotice('read_only')).toEqual({ reason: 'read_only', words: [], continues: false, followUp: false });
  });

  it('read back what was written, for any reason and words', () => {
    fc.assert(
      fc.property(
        fc.string().filter((reason) => !reason.includes('\n')),
        fc.array(fc.string()),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
        (reason, words, continues, followUp, id) => {
          const kept = words.length > 0 || followUp;
          const notice = { reason, words, continues: words.length > 0 && continues, followUp, ...(id !== undefined && kept ? { id } : {}) };
          expect(readRefusalNotice(writeRefusalNotice(notice))).toEqual(notice);
          if (kept && id !== undefined) expect(readRefusalNotice(withNoticeId(writeRefusalNotice({ ...notice, id: undefined }), id))).toEqual(notice);
        },
      ),
    );
  });

  it('keep the reason of a notice whose words are not a list of strings', () => {
    const bare = { words: [], continues: false, followUp: false };
    expect(readRefusalNotice('schema\nnot json')).toEqual({ reason: 'schema', ...bare });
    expect(readRefusalNotice('schema\n["a"]')).toEqual({ reason: 'schema', ...bare });
    expect(readRefusalNotice('schema\n{"words":"a","followUp":1}')).toEqual({ reason: 'schema', ...bare });
    expect(readRefusalNotice('schema\n{"words":["kept", 3],"continues":true}')).toEqual({ reason: 'schema', words: ['kept'], continues: true, followUp: false });
    // An id that is not a positive whole number is left out.
    for (const id of ['"7"', '0', '-3', '1.5', '1e300']) {
      expect(readRefusalNotice(`schema\n{"words":["kept"],"id":${id}}`)).toEqual({ reason: 'schema', words: ['kept'], continues: false, followUp: false });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { safeUrl } from './safeUrl.ts';

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a?b=1&c=2#d', 'https://example.com/a?b=1&c=2#d'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['/stories/abc123', '/stories/abc123'],
    ['../other', '../other'],
    ['#notes', '#notes'],
    ['?page=2', '?page=2'],
    ['story-id', 'story-id'],
    ['a/b:c', 'a/b:c'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['https://exa\nmple.com', 'https://example.com'],
  ])('allows %j', (raw, expected) => {
    expect(safeUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    ' \u0001javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'javas\u200bcript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3A;alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&amp;colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'ftp://example.com',
    'blob:https://example.com/uuid',
    '',
    '   ',
    'https://example.com/' + 'a'.repeat(5000),
  ])('refuses %j', (raw) => {
    expect(safeUrl(raw)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const raw of [null, undefined, 42, {}, ['https://example.com']]) expect(safeUrl(raw)).toBeNull();
  });
});

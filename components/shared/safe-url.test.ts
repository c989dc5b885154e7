import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('keeps http and https links', () => {
    expect(safeHttpUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHttpUrl('HTTP://Example.com')).toBe('http://example.com/');
  });
  it('turns a bare domain into https', () => {
    expect(safeHttpUrl('tencent.com')).toBe('https://tencent.com/');
    expect(safeHttpUrl(' alibabagroup.com/about ')).toBe('https://alibabagroup.com/about');
  });
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/1234',
    'ftp://example.com',
    'https://user:pw@example.com',
    '//example.com',
    'not a url',
    '',
  ])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });
  it('refuses non-strings', () => {
    expect(safeHttpUrl(undefined)).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl(42 as never)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { attachmentName } from './download';

describe('attachmentName', () => {
  it('reads the UTF-8 name first, then the plain one, then falls back', () => {
    const name = '党员信息采集表_张三.pdf';
    expect(
      attachmentName(
        `attachment; filename="member-form-1.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x',
      ),
    ).toBe(name);
    expect(attachmentName('attachment; filename="member-form-1.pdf"', 'x')).toBe('member-form-1.pdf');
    expect(attachmentName("attachment; filename*=UTF-8''%E0%A4%A", 'x')).toBe('x');
    expect(attachmentName(null, 'fallback.pdf')).toBe('fallback.pdf');
  });
});

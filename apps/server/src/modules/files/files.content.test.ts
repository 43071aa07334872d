import { describe, expect, it } from 'vitest';
import { jpeg, pdf, png } from '../../../test/files';
import { checkContent, extensionOf, isPlainText, MAX_NAME_LENGTH, storedName } from './files.content';

describe('isPlainText', () => {
  it('takes UTF-8 and GB18030 text, with a character cut at the end of a sample', () => {
    expect(isPlainText(Buffer.from('入党申请书\r\n\t第一页\n'), false)).toBe(true);
    expect(isPlainText(new TextEncoder().encode('\uFEFF材料'), false)).toBe(true);
    const gb = Buffer.from([0xc8, 0xeb, 0xb5, 0xb3, 0x0a]); // 入党 in GB18030
    expect(isPlainText(gb, false)).toBe(true);
    const cut = Buffer.from('材料').subarray(0, 4);
    expect(isPlainText(cut, true)).toBe(true);
  });

  it('refuses binary content', () => {
    expect(isPlainText(Buffer.from([0x41, 0x00, 0x42]), false)).toBe(false);
    expect(isPlainText(jpeg(), false)).toBe(false);
  });
});

describe('extensionOf', () => {
  it.each([
    ['a.PDF', 'pdf'],
    ['入党志愿书.扫描.jpg', 'jpg'],
    ['.hidden', ''],
    ['noext', ''],
    ['trailing.', ''],
  ])('%s → %s', (name, ext) => expect(extensionOf(name)).toBe(ext));
});

describe('storedName', () => {
  it('keeps a name whose extension agrees, normalized', () => {
    expect(storedName(' 证件照.JPEG ', 'image/jpeg')).toBe('证件照.JPEG');
    expect(storedName('e\u0301.pdf', 'application/pdf')).toBe('é.pdf');
  });

  it('gives a nameless or extensionless file the content’s extension', () => {
    expect(storedName('扫描件', 'application/pdf')).toBe('扫描件.pdf');
    expect(storedName('', 'image/png')).toBe('未命名.png');
  });

  it('refuses a renamed file, control characters and a name too long, naming the field file', () => {
    expect(() => storedName('照片.pdf', 'image/png')).toThrow(
      expect.objectContaining({
        code: 'FILE_TYPE_MISMATCH',
        fields: [expect.objectContaining({ path: 'file' })],
      }),
    );
    expect(() => storedName('a\u0000.pdf', 'application/pdf')).toThrow(
      expect.objectContaining({ code: 'FILE_NAME_INVALID' }),
    );
    expect(() => storedName(`${'长'.repeat(MAX_NAME_LENGTH)}.pdf`, 'application/pdf')).toThrow(
      expect.objectContaining({ code: 'FILE_NAME_INVALID' }),
    );
  });
});

describe('checkContent', () => {
  it('finds the type in the content, whatever the name claims', async () => {
    await expect(checkContent(png(), false, '照片.png', 'photo')).resolves.toEqual({
      mime: 'image/png',
      name: '照片.png',
    });
    await expect(checkContent(pdf(), false, '志愿书.pdf', 'document')).resolves.toMatchObject({
      mime: 'application/pdf',
    });
    await expect(checkContent(Buffer.from('备注\n'), false, '说明.txt', 'attachment')).resolves.toEqual({
      mime: 'text/plain',
      name: '说明.txt',
    });
  });

  it('refuses a type the purpose does not accept, and content of no known type', async () => {
    await expect(checkContent(pdf(), false, '照片.pdf', 'photo')).rejects.toMatchObject({
      code: 'FILE_TYPE_REFUSED',
      fields: [{ path: 'file' }],
    });
    await expect(checkContent(Buffer.from('文字\n'), false, '照片.jpg', 'photo')).rejects.toMatchObject({
      code: 'FILE_TYPE_REFUSED',
    });
    await expect(checkContent(Buffer.from([0, 1, 2, 3]), false, 'a.txt', 'attachment')).rejects.toMatchObject(
      { code: 'FILE_TYPE_REFUSED' },
    );
  });
});

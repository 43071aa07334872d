import { describe, expect, it } from 'vitest';
import { acceptAttribute, acceptedTypesText, FileListQuery, FileUploadFields } from './files';

describe('FileUploadFields', () => {
  it('takes a purpose the kind of record keeps, with the id as form text', () => {
    expect(FileUploadFields.parse({ ownerType: 'member', ownerId: '12', purpose: 'photo' })).toEqual({
      ownerType: 'member',
      ownerId: 12,
      purpose: 'photo',
    });
  });

  it('names the field at fault: a purpose the record does not keep, an id that is not digits', () => {
    const video = FileUploadFields.safeParse({ ownerType: 'member', ownerId: '12', purpose: 'video' });
    expect(video.error?.issues.map((i) => i.path.join('.'))).toEqual(['purpose']);
    const id = FileUploadFields.safeParse({ ownerType: 'member', ownerId: '1e3', purpose: 'photo' });
    expect(id.error?.issues.map((i) => i.path.join('.'))).toEqual(['ownerId']);
  });

  it('lists without a purpose', () => {
    expect(FileListQuery.parse({ ownerType: 'member', ownerId: '3' })).toEqual({
      ownerType: 'member',
      ownerId: 3,
    });
  });
});

describe('the types of a purpose', () => {
  it('in words and as a file input’s accept attribute', () => {
    expect(acceptedTypesText('photo')).toBe('JPEG 图片、PNG 图片、WebP 图片');
    expect(acceptAttribute('document')).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png');
  });
});

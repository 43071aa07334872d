import { z } from 'zod';
import { PathId, QueryId } from './common/ids';

/**
 * Files kept for a record (附件): photos, scans, documents, videos. A file belongs to one record
 * of one kind (its owner) and serves one purpose there; each purpose accepts some content types,
 * which the server finds in the content itself (magic bytes), never in the name.
 */

/** The content types files may have, with the extensions a name of that type may end in. */
export const FILE_TYPES = {
  'image/jpeg': { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG 图片', extensions: ['png'] },
  'image/webp': { label: 'WebP 图片', extensions: ['webp'] },
  'application/pdf': { label: 'PDF 文档', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word 文档',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel 表格',
    extensions: ['xlsx'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'PowerPoint 演示文稿',
    extensions: ['pptx'],
  },
  'text/plain': { label: '文本文件', extensions: ['txt'] },
  'video/mp4': { label: 'MP4 视频', extensions: ['mp4'] },
} as const satisfies Record<string, { label: string; extensions: readonly string[] }>;
export type FileMime = keyof typeof FILE_TYPES;

export const isFileMime = (value: string): value is FileMime => Object.hasOwn(FILE_TYPES, value);

const IMAGES: readonly FileMime[] = ['image/jpeg', 'image/png', 'image/webp'];

/** What a file is for. */
export const FILE_PURPOSES = ['photo', 'document', 'attachment', 'video'] as const;
export const FilePurpose = z.enum(FILE_PURPOSES, {
  error: '文件用途应为 photo、document、attachment 或 video',
});
export type FilePurpose = z.infer<typeof FilePurpose>;

/** Each purpose's name and the content types it accepts. */
export const FILE_PURPOSE_INFO: Record<FilePurpose, { label: string; accepts: readonly FileMime[] }> = {
  photo: { label: '照片', accepts: IMAGES },
  document: { label: '证明材料', accepts: ['application/pdf', 'image/jpeg', 'image/png'] },
  attachment: {
    label: '附件',
    accepts: [
      'application/pdf',
      ...IMAGES,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'text/plain',
    ],
  },
  video: { label: '视频', accepts: ['video/mp4'] },
};

/** The kinds of record files belong to. */
export const FILE_OWNER_TYPES = [
  'member',
  'notice',
  'meeting',
  'course',
  'reflection',
  'member_report',
  'volunteer_campaign',
  'volunteer_incident',
  'hometown_project',
  'hometown_donation',
  'care_visit',
  'honour',
  'archive_item',
] as const;
export const FileOwnerType = z.enum(FILE_OWNER_TYPES, { error: '所属记录类型不正确' });
export type FileOwnerType = z.infer<typeof FileOwnerType>;

/** The purposes each kind of record keeps files for. */
export const FILE_OWNER_PURPOSES: Record<FileOwnerType, readonly FilePurpose[]> = {
  member: ['photo', 'document', 'attachment'],
  notice: ['attachment'],
  meeting: ['photo', 'attachment'],
  /** A course's cover (photo), its video, its PDF (attachment). */
  course: ['photo', 'video', 'attachment'],
  reflection: ['photo'],
  member_report: ['attachment'],
  /** Photos of a campaign at work. */
  volunteer_campaign: ['photo'],
  volunteer_incident: ['photo'],
  /** A project's contracts and reports; a donation's proof (receipts, certificates, photos). */
  hometown_project: ['attachment', 'photo'],
  hometown_donation: ['document', 'photo'],
  /** Photos of a visit. */
  care_visit: ['photo'],
  /** The certificate's scan or photo. */
  honour: ['document', 'photo'],
  /** An archive item's scanned pages and attachments. */
  archive_item: ['document', 'attachment', 'photo'],
};

/** The largest file accepted unless the committee's settings say otherwise: 20 MB. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** The content types a purpose accepts, in words: `JPEG 图片、PNG 图片、WebP 图片`. */
export const acceptedTypesText = (purpose: FilePurpose): string =>
  FILE_PURPOSE_INFO[purpose].accepts.map((m) => FILE_TYPES[m].label).join('、');

/** The `accept` attribute of a file input for the purpose: `.jpg,.jpeg,image/jpeg,…`. */
export const acceptAttribute = (purpose: FilePurpose): string =>
  FILE_PURPOSE_INFO[purpose].accepts
    .flatMap((m) => [...FILE_TYPES[m].extensions.map((e) => `.${e}`), m])
    .join(',');

/** A purpose the kind of record does not keep files for: an issue on `purpose`. */
function checkPurpose(
  value: { ownerType: FileOwnerType; purpose?: FilePurpose | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.purpose && !FILE_OWNER_PURPOSES[value.ownerType].includes(value.purpose)) {
    ctx.addIssue({
      code: 'custom',
      path: ['purpose'],
      message: `此类记录的文件用途只能是${FILE_OWNER_PURPOSES[value.ownerType].map((p) => FILE_PURPOSE_INFO[p].label).join('、')}`,
    });
  }
}

/**
 * The text fields of an upload (POST /files, multipart/form-data). They come before the file
 * part, so that the server knows where the file goes before the first byte of it arrives.
 */
export const FileUploadFields = z
  .object({
    ownerType: FileOwnerType,
    ownerId: QueryId('所属记录编号'),
    purpose: FilePurpose,
  })
  .superRefine(checkPurpose);
export type FileUploadFields = z.infer<typeof FileUploadFields>;

/** The files of one record (GET /files), newest first; all purposes unless one is named. */
export const FileListQuery = z
  .object({
    ownerType: FileOwnerType,
    ownerId: QueryId('所属记录编号'),
    purpose: FilePurpose.optional(),
  })
  .superRefine(checkPurpose);
export type FileListQuery = z.infer<typeof FileListQuery>;

/** Files have bigint ids. */
export const FileIdParams = z.object({ id: PathId(Number.MAX_SAFE_INTEGER) });

export const FileResponse = z.object({
  id: z.number().int(),
  ownerType: FileOwnerType,
  ownerId: z.number().int(),
  purpose: FilePurpose,
  purposeLabel: z.string(),
  /** The name it was uploaded under. */
  name: z.string(),
  /** The type found in the content. */
  mime: z.string(),
  typeLabel: z.string(),
  size: z.number().int(),
  /** SHA-256 of the content, hex. */
  sha256: z.string(),
  createdAt: z.string(),
  /** The uploader's display name; null when the account is gone. */
  uploaderName: z.string().nullable(),
  /** Where to download it (GET, with Range). */
  url: z.string(),
});
export type FileResponse = z.infer<typeof FileResponse>;

export const FileListResponse = z.object({
  items: z.array(FileResponse),
  /** What the user may do with this record's files. */
  policies: z.object({ upload: z.boolean(), delete: z.boolean() }),
  /** The largest file an upload may be, in bytes. */
  uploadLimit: z.number().int(),
});
export type FileListResponse = z.infer<typeof FileListResponse>;

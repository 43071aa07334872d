import {
  acceptedTypesText,
  FILE_PURPOSE_INFO,
  FILE_TYPES,
  type FileMime,
  type FilePurpose,
} from '@ningxin/shared';
import { AppError, notFound } from '../../lib/errors';

/** Errors of the files module; a refusal of the file itself names the field `file`. */

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const fileRequired = () =>
  new AppError(
    400,
    'FILE_REQUIRED',
    '请选择要上传的文件：以 multipart/form-data 发送，先发 ownerType、ownerId、purpose 字段，再发 file 文件',
    [{ path: 'file', message: '缺少文件' }],
  );

export const fileTooLarge = (limit: number) =>
  new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${megabytes(limit)} 的上限，请压缩或拆分后再上传`, [
    { path: 'file', message: `文件超过 ${megabytes(limit)}` },
  ]);

export const fileEmpty = () =>
  new AppError(400, 'FILE_EMPTY', '所选文件是空文件（0 字节），请重新选择', [
    { path: 'file', message: '空文件' },
  ]);

/** The content is of a type the purpose does not accept, or of none recognized. */
export const fileTypeRefused = (purpose: FilePurpose, found: FileMime | null) => {
  const { label } = FILE_PURPOSE_INFO[purpose];
  const what = found ? `所选文件是${FILE_TYPES[found].label}` : '无法识别所选文件的类型';
  return new AppError(400, 'FILE_TYPE_REFUSED', `${label}只接受${acceptedTypesText(purpose)}，${what}`, [
    { path: 'file', message: found ? `不接受${FILE_TYPES[found].label}` : '文件类型无法识别' },
  ]);
};

/** The name's extension says another type than the content (a renamed file). */
export const fileTypeMismatch = (found: FileMime, extension: string) =>
  new AppError(
    400,
    'FILE_TYPE_MISMATCH',
    `文件内容是${FILE_TYPES[found].label}，与扩展名 .${extension} 不符；请选择原始文件，不要只修改扩展名`,
    [{ path: 'file', message: `内容是${FILE_TYPES[found].label}，扩展名为 .${extension}` }],
  );

export const badFileName = (message: string) =>
  new AppError(400, 'FILE_NAME_INVALID', message, [{ path: 'file', message }]);

/** A kind of record named in the contract that no module serves (yet). */
export const ownerTypeUnsupported = () =>
  new AppError(400, 'FILE_OWNER_UNSUPPORTED', '暂不支持为此类记录保存文件', [
    { path: 'ownerType', message: '不支持的记录类型' },
  ]);

export const fileNotFound = () => notFound('文件');

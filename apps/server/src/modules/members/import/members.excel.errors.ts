import { AppError } from '../../../lib/errors';
import { REQUIRED_HEADERS } from '../members.sheet';

/** Errors of the spreadsheet import and export: a file-level problem refuses the whole request. */

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const importNoFile = () =>
  new AppError(
    400,
    'IMPORT_NO_FILE',
    '请选择要导入的 Excel 文件（.xlsx），以 multipart/form-data 的 file 字段上传',
    [{ path: 'file', message: '缺少文件' }],
  );

export const importBadFile = (legacyXls = false) =>
  new AppError(
    400,
    'IMPORT_BAD_FILE',
    legacyXls
      ? '这是旧版 Excel 文件（.xls），请在 Excel 中“另存为” .xlsx 格式后再导入'
      : '文件不是有效的 Excel 文件（.xlsx），请检查文件是否损坏或另存为 .xlsx 后再导入',
    [{ path: 'file', message: '不是 .xlsx 文件' }],
  );

export const importFileTooLarge = () =>
  new AppError(
    413,
    'IMPORT_FILE_TOO_LARGE',
    `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分成多个文件分批导入`,
    [{ path: 'file', message: '文件过大' }],
  );

export const importNoHeader = () =>
  new AppError(
    400,
    'IMPORT_NO_HEADER',
    `没有找到表头行：表格前 10 行中应有一行列名，至少包含必填列 ${REQUIRED_HEADERS.join('、')}（可下载导入模板对照）`,
    [{ path: 'file', message: '没有表头' }],
  );

export const importMissingColumns = (missing: string[]) =>
  new AppError(400, 'IMPORT_MISSING_COLUMNS', `表格缺少必填列：${missing.join('、')}`, [
    { path: 'file', message: `缺少列 ${missing.join('、')}` },
  ]);

export const importNeedsOrg = () =>
  new AppError(400, 'IMPORT_ORG_REQUIRED', '表格没有“所在党组织”列，请选择要导入到哪个党组织', [
    { path: 'orgId', message: '请选择党组织' },
  ]);

export const importEmpty = () =>
  new AppError(400, 'IMPORT_EMPTY', '表格中没有党员数据（表头下方没有内容）', [
    { path: 'file', message: '没有数据行' },
  ]);

export const importTooManyRows = (max: number) =>
  new AppError(
    400,
    'IMPORT_TOO_MANY_ROWS',
    `一次最多导入 ${max.toLocaleString('zh-CN')} 行，请拆分成多个文件分批导入`,
    [{ path: 'file', message: '行数过多' }],
  );

/**
 * Someone registered a person of the file after it was validated (`row`, when known), or at the
 * same time as the commit: nothing was kept.
 */
export const importConflict = (row?: number) =>
  new AppError(
    409,
    'IMPORT_CONFLICT',
    row === undefined
      ? '导入时发现有人同时录入了相同身份证号的党员，本次导入已全部撤销，没有写入任何数据；请重新上传校验后再导入'
      : `校验之后有人录入了第 ${row} 行身份证号的党员，本次导入已全部撤销，没有写入任何数据；请重新上传校验后再导入`,
  );

/** No committable stage by that id for this user (never validated, committed already, or another user's). */
export const importStageNotFound = () =>
  new AppError(
    404,
    'IMPORT_STAGE_NOT_FOUND',
    '找不到这次校验的结果：可能已经导入过，或不是您校验的文件；请重新上传文件校验',
  );

export const importStageExpired = () =>
  new AppError(410, 'IMPORT_STAGE_EXPIRED', '校验结果已过期，为确保数据一致，请重新上传文件校验后再确认导入');

export const revealNotAllowed = () =>
  new AppError(
    403,
    'EXPORT_REVEAL_FORBIDDEN',
    '您无权查看导出范围内部分党员的完整身份证号和手机号，请取消“显示完整信息”后再导出',
  );

import { AppError } from '../../../lib/errors';

/** Errors of the lead spreadsheet: a file-level problem refuses the whole request. */

export const MAX_LEAD_IMPORT_BYTES = 10 * 1024 * 1024;

export const importNoFile = () =>
  new AppError(
    400,
    'IMPORT_NO_FILE',
    '请选择要导入的线索名单（.xlsx），以 multipart/form-data 的 file 字段上传',
    [{ path: 'file', message: '缺少文件' }],
  );

export const importFileTooLarge = () =>
  new AppError(
    413,
    'IMPORT_FILE_TOO_LARGE',
    `文件超过 ${MAX_LEAD_IMPORT_BYTES / 1024 / 1024} MB，请拆分成多个文件分批导入`,
    [{ path: 'file', message: '文件过大' }],
  );

export const importBadFile = () =>
  new AppError(
    400,
    'IMPORT_BAD_FILE',
    '文件不是有效的 Excel 文件（.xlsx），请检查文件是否损坏或另存为 .xlsx 后再导入',
    [{ path: 'file', message: '不是 .xlsx 文件' }],
  );

export const importNoHeader = () =>
  new AppError(
    400,
    'IMPORT_NO_HEADER',
    '没有找到表头行：表格前 10 行中应有一行列名，至少包含“姓名”和另一列（可下载导入模板对照）',
    [{ path: 'file', message: '没有表头' }],
  );

export const importMissingColumns = (missing: string[]) =>
  new AppError(400, 'IMPORT_MISSING_COLUMNS', `表格缺少必填列：${missing.join('、')}`, [
    { path: 'file', message: `缺少列 ${missing.join('、')}` },
  ]);

export const importEmpty = () =>
  new AppError(400, 'IMPORT_EMPTY', '表格中没有线索（表头下方没有内容）', [
    { path: 'file', message: '没有数据行' },
  ]);

export const importTooManyRows = (max: number) =>
  new AppError(
    400,
    'IMPORT_TOO_MANY_ROWS',
    `一次最多导入 ${max.toLocaleString('zh-CN')} 条线索，请拆分成多个文件分批导入`,
    [{ path: 'file', message: '行数过多' }],
  );

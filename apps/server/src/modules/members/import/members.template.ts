/**
 * The import template (导入模板): a 填写说明 sheet, the 党员信息 sheet with the canonical headers
 * (required ones marked), drop-downs for the coded columns and text format on ID and phone, and
 * a hidden 代码表 sheet the drop-downs read from.
 */
import { CITIES, EDUCATION_LEVELS, ETHNICITIES, MEMBER_TYPE_LABELS } from '@ningxin/shared';
import type ExcelJS from 'exceljs';
import { addTableSheet, type StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import { type ColumnList, MEMBER_COLUMNS, REQUIRED_HEADERS } from '../members.sheet';

export const TEMPLATE_FILE_NAME = '党员信息导入模板.xlsx';
export const TEMPLATE_ASCII_NAME = 'member-import-template.xlsx';

/** Rows the drop-downs cover (hand entry; a pasted sheet needs none). */
const LAST_ROW = 20_001;

const colLetter = (n: number): string => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

function lists(homeCity: string, hostCity: string): Record<ColumnList, { title: string; items: string[] }> {
  return {
    gender: { title: '性别', items: ['男', '女'] },
    ethnicity: { title: '民族', items: ETHNICITIES.map((e) => e.name) },
    education: { title: '学历', items: EDUCATION_LEVELS.map((e) => e.name) },
    memberType: { title: '党员类型', items: Object.values(MEMBER_TYPE_LABELS) },
    homeCounty: { title: '户籍县区', items: CITIES[homeCity]?.divisions.map((d) => d.name) ?? [] },
    hostDistrict: { title: '居住区', items: CITIES[hostCity]?.divisions.map((d) => d.name) ?? [] },
  };
}

function instructions(workbook: StreamingWorkbook, homeCity: string, hostCity: string) {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [{ width: 14 }, { width: 10 }, { width: 90 }];
  const title = sheet.addRow(['党员信息导入说明']);
  title.font = { bold: true, size: 14 };
  title.commit();
  const notes = [
    '1. 在“党员信息”工作表中每行填写一名党员，第 1 行为表头，请勿修改或删除表头。',
    `2. 带红色标记的列为必填：${REQUIRED_HEADERS.join('、')}。`,
    '3. 身份证号、手机号两列已设为“文本”格式；从其他表格粘贴时请选择“只粘贴值”，不要把它们改成数字格式，否则身份证号末几位会丢失。',
    '4. 日期可写作 2002-09-01、2002/9/1、2002.09、2002年9月 或 200209，也可使用 Excel 日期。',
    `5. 户籍县区填${CITIES[homeCity]?.name ?? '流出地'}的县区，居住区填${CITIES[hostCity]?.name ?? '流入地'}的区县，可从下拉框选择，也可填写行政区划代码。`,
    '6. 上传后系统先逐行校验、不写入任何数据，并列出有问题的行、列和原因；改正后再次上传，全部正确才能导入，导入时全部写入或全部不写入。',
    '7. 身份证号已登记的党员不会重复导入。',
  ];
  for (const n of notes) sheet.addRow([n]).commit();
  sheet.addRow([]).commit();
  const head = sheet.addRow(['列名', '是否必填', '填写要求']);
  head.font = { bold: true };
  head.commit();
  for (const c of MEMBER_COLUMNS) sheet.addRow([c.header, c.required ? '必填' : '选填', c.hint]).commit();
  sheet.commit();
}

/** Writes the template into a streaming workbook and commits it. */
export async function writeTemplate(workbook: StreamingWorkbook, homeCity: string, hostCity: string) {
  instructions(workbook, homeCity, hostCity);

  const data = addTableSheet(
    workbook,
    '党员信息',
    MEMBER_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.text ? { text: true } : {}),
      ...(c.required ? { required: true } : {}),
    })),
  );
  // exceljs has the sheet's validations at run time but not in its type declarations.
  const validations = (
    data as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  const tables = lists(homeCity, hostCity);
  const listKeys = Object.keys(tables) as ColumnList[];
  MEMBER_COLUMNS.forEach((c, i) => {
    if (!c.list) return;
    const listCol = colLetter(listKeys.indexOf(c.list) + 1);
    const col = colLetter(i + 1);
    validations.add(`${col}2:${col}${LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'代码表'!$${listCol}$2:$${listCol}$${tables[c.list].items.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请从下拉框选择${c.header}`,
    });
  });
  data.commit();

  const codes = workbook.addWorksheet('代码表', { state: 'hidden' });
  const height = Math.max(...listKeys.map((k) => tables[k].items.length));
  codes.addRow(listKeys.map((k) => tables[k].title)).commit();
  for (let r = 0; r < height; r++) codes.addRow(listKeys.map((k) => tables[k].items[r] ?? null)).commit();
  codes.commit();

  await workbook.commit();
}

import { badChecksum, synthId, xlsxOf } from './excel';
import { type XlsxLayout, xlsxAs } from './xlsx-variants';

/** The people of the messy sheet, by ID number (region, birth date, sequence: odd = male). */
export const PEOPLE = {
  A: synthId('130732', '19900101', 901), // 张三
  B: synthId('130732', '19920315', 902), // 李四
  C: synthId('130723', '19800520', 903), // 王五
  D: synthId('130732', '19830811', 905), // 赵六
  E: synthId('130732', '19850101', 907), // 钱七
  F: synthId('130732', '19860202', 909), // 孙八
  G: synthId('130732', '19870303', 911), // 周九
  H: synthId('130732', '19850505', 912), // 吴十
};

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// biome-ignore format: a sheet reads best one row per line
const HEADER = ['序号', '姓名', '性别', '民族', '出生年月', '公民身份号码', '联系电话', '文化程度', '入党时间', '转正时间', '党员类别', '流出地', '现居住区', '住址', '单位', '外出时间', '所在支部', '标签', '备注'];

function messyRows(fixed: boolean): unknown[][] {
  const { A, B, C, D, E, F, G, H } = PEOPLE;
  // biome-ignore format: a sheet reads best one row per line
  return [
    [1, '张三', '男', '汉族', '1990.01', A, 13800138000, '大学本科', excelDate('2012-07-01'), '2013/7/1', '正式党员', '赤城县', '通州区', '北京市通州区梨园镇', '某建筑公司', '2010年3月', '建筑业流动党支部', '联络员、宣传员', ''],
    [2, ' 李 四 ', '女', '满族', null, ` ${fullWidth(B.slice(0, 6))}\u3000${fullWidth(B.slice(6))}`, '138 0013 8001', '大专', '２０１５年６月', null, '预备党员', '张家口市赤城县', '110112', ' 北京市通州区宋庄镇 ', null, null, null, null, '   '],
    [3, '王五', '男', '01', '1980-05', C, '+86 13800138002', '高中', '200209', '2003.09', '正式', 130723, '朝阳区', null, '物流公司', '2001.05', '商贸物流流动党支部', null, null],
    [4, '赵六', null, null, null, D, '13800138003', null, 200510, excelDate('2006-10-01'), null, '康保', null, null, null, 200401, null, '招商员', '老党员'],
    [5, '钱七', '男', '汉族', null, fixed ? E : badChecksum(E), '13800138004', '初中', '2008-07-01', null, null, '赤城县', null, null, null, null, null, null, null],
    [6, '孙八', '男', '汉族', null, F, '13800138005', null, '2009-07-01', null, null, fixed ? '赤城县' : '石家庄市长安区', null, null, null, null, null, null, null],
    [],
    [7, '周九', '男', '汉族', null, fixed ? G : A, '13800138006', null, '2010-07-01', null, null, '赤城县', null, null, null, null, null, null, null],
    [8, '吴十', '女', null, null, H, '13800138007', null, 2008.09, null, null, '赤城', null, null, null, null, null, null, null],
    [null, '', ' ', null],
    [],
    ['', '\u3000'],
  ];
}

/**
 * A sheet as people send them: a merged title and a note above the header, synonym headers,
 * dates in several forms (real Excel dates, 2013/7/1, 2015年6月 in full-width digits, 200209 as
 * text and as a number, 2008.09 typed into a General cell), stray spaces, a blank row in the
 * middle and blank rows at the end: 8 people on rows 4–9, 11 and 12. Unless `fixed`, rows 8, 9
 * and 11 are bad: a wrong check character, a county outside Zhangjiakou, row 4's ID number again.
 */
export function messySheet(fixed: boolean): Promise<Buffer> {
  return xlsxOf((wb) => {
    const ws = wb.addWorksheet('流动党员');
    ws.addRow(['张家口市驻京流动党员信息采集表']);
    ws.mergeCells(1, 1, 1, HEADER.length);
    const note: unknown[] = ['填报单位：驻北京通州区流动党委'];
    note[12] = '填报日期：2024年6月';
    ws.addRow(note);
    ws.mergeCells(2, 1, 2, 6);
    ws.addRow(HEADER);
    for (const r of messyRows(fixed)) ws.addRow(r);
  });
}

/**
 * A plain sheet: the five required columns (and the org, when given) for the rows. Written by
 * exceljs, or part by part as another writer lays it out when a `layout` is given.
 */
export function plainSheet(rows: unknown[][], withOrg = false, layout?: XlsxLayout): Promise<Buffer> {
  const table = [
    ['姓名', '身份证号', '手机号', '入党日期', '户籍县区', ...(withOrg ? ['所在党组织'] : [])],
    ...rows,
  ];
  if (layout) return xlsxAs(layout, table, 's');
  return xlsxOf((wb) => {
    const ws = wb.addWorksheet('s');
    for (const r of table) ws.addRow(r);
  });
}

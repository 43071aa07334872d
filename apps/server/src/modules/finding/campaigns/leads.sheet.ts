/**
 * The columns of the lead spreadsheet (线索名单): the template, the import's header matching and
 * error columns, and the export all read this one list (lib/excel/sheet-spec.ts). An export shows
 * phones and ID numbers masked; its state columns are export-only.
 */
import {
  CITIES,
  divisionName,
  LEAD_SOURCE_LABELS,
  LEAD_STATE_LABELS,
  type LeadSource,
  type LeadState,
} from '@ningxin/shared';
import { type SheetColumnSpec, sheetSpec } from '../../../lib/excel/sheet-spec';
import type { LeadView } from './leads.repository';

export type LeadColumnList = 'homeCounty' | 'hostDistrict' | 'source';

type LeadColumn = SheetColumnSpec<LeadView, null> & { list?: LeadColumnList };

const division = (code: string | null) => (code ? (divisionName(code) ?? code) : null);

export const LEAD_COLUMNS: readonly LeadColumn[] = [
  {
    header: '姓名',
    field: 'name',
    value: (l) => l.name,
    required: true,
    synonyms: ['人员姓名', '名字'],
    width: 10,
    hint: '2–30 个字',
  },
  {
    header: '手机号',
    field: 'phone',
    value: (l) => l.phoneMasked,
    synonyms: ['联系电话', '手机号码', '手机', '电话', '联系方式'],
    text: true,
    width: 14,
    hint: '11 位中国大陆手机号码，可不填',
  },
  {
    header: '身份证号',
    field: 'idNumber',
    value: (l) => l.idMasked,
    synonyms: ['身份证号码', '公民身份号码', '证件号码', '身份证'],
    text: true,
    width: 22,
    hint: '18 位（或 15 位旧号码），可不填；请保持本列为“文本”格式',
  },
  {
    header: '户籍县区',
    field: 'homeCounty',
    value: (l) => division(l.homeCounty),
    synonyms: ['户籍地', '籍贯', '流出地', '家乡县区'],
    list: 'homeCounty',
    width: 12,
    hint: '流出地的县区名称或行政区划代码，可不填',
  },
  {
    header: '所在区县',
    field: 'hostDistrict',
    value: (l) => division(l.hostDistrict),
    synonyms: ['居住区', '所在区', '流入地', '区县'],
    list: 'hostDistrict',
    width: 12,
    hint: '流入地（在京）的区县名称或行政区划代码，可不填',
  },
  {
    header: '工作单位',
    field: 'workplace',
    value: (l) => l.workplace,
    synonyms: ['单位', '务工单位', '工作地点'],
    width: 24,
    hint: '可不填，最多 100 个字',
  },
  {
    header: '住址',
    field: 'address',
    value: (l) => l.address,
    synonyms: ['居住地址', '现住址', '地址'],
    width: 30,
    hint: '可不填，最多 200 个字',
  },
  {
    header: '线索说明',
    field: 'clue',
    value: (l) => l.clue,
    synonyms: ['线索', '备注', '说明'],
    width: 30,
    hint: '亲属、行业、最后出现的地点等，可不填',
  },
  {
    header: '线索来源',
    field: 'source',
    value: (l) => LEAD_SOURCE_LABELS[l.source as LeadSource] ?? l.source,
    synonyms: ['来源'],
    list: 'source',
    width: 12,
    hint: '党员提供、用工单位、家乡名单、街道社区或其他；不填为“其他”',
  },
  { header: '状态', exportOnly: true, width: 10, value: (l) => LEAD_STATE_LABELS[l.state as LeadState] },
  { header: '寻访人员', exportOnly: true, width: 12, value: (l) => l.finderName },
  { header: '最近联系', exportOnly: true, width: 12, value: (l) => l.lastVisitOn },
  { header: '找到日期', exportOnly: true, width: 12, value: (l) => l.foundOn },
  { header: '党员档案编号', exportOnly: true, width: 12, value: (l) => l.memberId },
];

export const LEAD_SHEET = sheetSpec(LEAD_COLUMNS);

/** The template's drop-down lists. */
export function leadLists(homeCity: string, hostCity: string): Record<LeadColumnList, string[]> {
  return {
    homeCounty: CITIES[homeCity]?.divisions.map((d) => d.name) ?? [],
    hostDistrict: CITIES[hostCity]?.divisions.map((d) => d.name) ?? [],
    source: Object.entries(LEAD_SOURCE_LABELS)
      .filter(([k]) => k !== 'lost_contact')
      .map(([, v]) => v),
  };
}

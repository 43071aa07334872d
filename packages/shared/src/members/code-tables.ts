/**
 * Code tables of the member record — 民族 (GB 3304-91) and 学历 (GB/T 4658 style) — and the
 * lenient look-ups that read them, and division names, from forms and spreadsheets.
 */

import { compact } from '../common/text-forms';
import { CITIES } from '../divisions';

export interface CodeEntry {
  readonly code: string;
  readonly name: string;
  /** Other spellings people write for this entry (见于表格的简称、俗称). */
  readonly aliases?: readonly string[];
}

/** An ethnic group; the name without 族 is always an alias (汉 → 汉族). */
const ethnic = (code: string, name: string, ...aliases: string[]): CodeEntry => ({
  code,
  name,
  aliases: [name.replace(/族$/, ''), ...aliases],
});

/** The 56 ethnic groups with their GB 3304-91 codes, in the standard's order. */
export const ETHNICITIES: readonly CodeEntry[] = [
  ethnic('01', '汉族'),
  ethnic('02', '蒙古族', '蒙族'),
  ethnic('03', '回族'),
  ethnic('04', '藏族'),
  ethnic('05', '维吾尔族', '维族'),
  ethnic('06', '苗族'),
  ethnic('07', '彝族'),
  ethnic('08', '壮族'),
  ethnic('09', '布依族'),
  ethnic('10', '朝鲜族'),
  ethnic('11', '满族'),
  ethnic('12', '侗族'),
  ethnic('13', '瑶族'),
  ethnic('14', '白族'),
  ethnic('15', '土家族'),
  ethnic('16', '哈尼族'),
  ethnic('17', '哈萨克族'),
  ethnic('18', '傣族'),
  ethnic('19', '黎族'),
  ethnic('20', '傈僳族'),
  ethnic('21', '佤族'),
  ethnic('22', '畲族'),
  ethnic('23', '高山族'),
  ethnic('24', '拉祜族'),
  ethnic('25', '水族'),
  ethnic('26', '东乡族'),
  ethnic('27', '纳西族'),
  ethnic('28', '景颇族'),
  ethnic('29', '柯尔克孜族'),
  ethnic('30', '土族'),
  ethnic('31', '达斡尔族'),
  ethnic('32', '仫佬族'),
  ethnic('33', '羌族'),
  ethnic('34', '布朗族'),
  ethnic('35', '撒拉族'),
  ethnic('36', '毛南族', '毛难族'),
  ethnic('37', '仡佬族'),
  ethnic('38', '锡伯族'),
  ethnic('39', '阿昌族'),
  ethnic('40', '普米族'),
  ethnic('41', '塔吉克族'),
  ethnic('42', '怒族'),
  ethnic('43', '乌孜别克族'),
  ethnic('44', '俄罗斯族'),
  ethnic('45', '鄂温克族'),
  ethnic('46', '德昂族', '崩龙族'),
  ethnic('47', '保安族'),
  ethnic('48', '裕固族'),
  ethnic('49', '京族'),
  ethnic('50', '塔塔尔族'),
  ethnic('51', '独龙族'),
  ethnic('52', '鄂伦春族'),
  ethnic('53', '赫哲族'),
  ethnic('54', '门巴族'),
  ethnic('55', '珞巴族'),
  ethnic('56', '基诺族'),
];

/** Education levels (学历). */
export const EDUCATION_LEVELS: readonly CodeEntry[] = [
  { code: '10', name: '研究生' },
  { code: '11', name: '博士研究生', aliases: ['博士', '博士生', '研究生(博士)'] },
  { code: '14', name: '硕士研究生', aliases: ['硕士', '硕士生', '研究生(硕士)'] },
  { code: '20', name: '大学本科', aliases: ['本科', '大本', '本科生'] },
  { code: '30', name: '大学专科', aliases: ['专科', '大专', '高职'] },
  { code: '40', name: '中等专科', aliases: ['中专', '中职', '职高', '职业高中', '技校', '技工学校', '中技'] },
  { code: '60', name: '高中', aliases: ['普通高中', '高级中学'] },
  { code: '70', name: '初中', aliases: ['初级中学'] },
  { code: '80', name: '小学' },
  { code: '90', name: '其他', aliases: ['其它'] },
];

/** Words people add after a level: 本科毕业, 大专学历, 高中文化. */
const LEVEL_SUFFIX = /(毕业|学历|文化程度|文化)$/;

function findByName(table: readonly CodeEntry[], name: string): CodeEntry | undefined {
  return table.find((e) => e.name === name || e.aliases?.includes(name));
}

/**
 * The code of a table entry written as its code (`01`, or `1` for a 2-digit code), its name
 * (`汉族`), an alias (`汉`, `本科`, `大专`), code and name together (`01 汉族`, `20-大学本科`),
 * or a level with 毕业/学历/文化 after it. Full-width characters and spaces are tolerated.
 * Null when nothing matches.
 */
export function lookupCode(table: readonly CodeEntry[], value: string): string | null {
  const v = compact(value);
  if (v === '') return null;
  const width = table[0]?.code.length ?? 0;
  if (/^\d+$/.test(v)) {
    const code = v.length < width ? v.padStart(width, '0') : v;
    return table.some((e) => e.code === code) ? code : null;
  }
  const byName = findByName(table, v) ?? findByName(table, v.replace(LEVEL_SUFFIX, ''));
  if (byName) return byName.code;
  const both = /^(\d+)[-_.:：、]?(\D.*)$/.exec(v);
  if (both) {
    const entry = table.find((e) => e.code === both[1]);
    if (entry && findByName([entry], both[2]!)) return entry.code;
  }
  return null;
}

/** The name of a code in a table; null when the code is not in it. */
export function codeName(table: readonly CodeEntry[], code: string): string | null {
  return table.find((e) => e.code === code)?.name ?? null;
}

/**
 * Which current division each historical code became. Zhangjiakou's three counties became
 * districts in 2016: 宣化县 merged into 宣化区, 万全县 and 崇礼县 became 万全区 and 崇礼区.
 */
export const DIVISION_SUCCESSORS: Readonly<Record<string, string>> = {
  '130721': '130705',
  '130729': '130708',
  '130733': '130709',
};

/** A leading province (河北省, 内蒙古自治区) in a written address. */
const PROVINCE_PREFIX = /^(.{2,3}省|.{2,8}?自治区)/;
/** The generic suffix of a county-level name (赤城县 → 赤城). */
const DIVISION_SUFFIX = /(区|县|市|旗)$/;

/**
 * The current division code of a city for a value written as a code (`130732`; a historical
 * code gives its successor), a name (`赤城县`, `张家口市赤城县`, `河北省张家口市赤城县`, old
 * names such as `宣化县`), or a name without its suffix when that is unambiguous (`赤城`).
 * Null when the city is unknown or nothing matches.
 */
export function lookupDivision(cityCode: string, value: string): string | null {
  const city = CITIES[cityCode];
  if (!city) return null;
  let v = compact(value);
  if (/^\d{6}$/.test(v)) {
    if (city.divisions.some((d) => d.code === v)) return v;
    return city.historical.some((d) => d.code === v) ? (DIVISION_SUCCESSORS[v] ?? null) : null;
  }
  v = v.replace(PROVINCE_PREFIX, '');
  const cityShort = city.name.replace(/市$/, '');
  if (v.startsWith(city.name)) v = v.slice(city.name.length);
  else if (v.startsWith(cityShort)) v = v.slice(cityShort.length);
  if (v === '') return null;

  const candidates = [
    ...city.divisions.map((d) => ({ name: d.name, code: d.code })),
    ...city.historical.map((d) => ({ name: d.name, code: DIVISION_SUCCESSORS[d.code] ?? null })),
  ];
  const exact = candidates.find((c) => c.name === v);
  if (exact) return exact.code;
  const codes = new Set(
    candidates.filter((c) => c.name.replace(DIVISION_SUFFIX, '') === v).map((c) => c.code),
  );
  return codes.size === 1 ? [...codes][0]! : null;
}

/**
 * Administrative division code tables (行政区划代码). The home city (流出地) and host city (流入地)
 * are settings: the server picks them by code, so another committee is a setting and a table here.
 */
export interface Division {
  code: string;
  name: string;
}

export interface City {
  code: string;
  name: string;
  divisions: readonly Division[];
  /** Codes no longer issued but still found in ID numbers and old records. */
  historical: readonly Division[];
}

export const CITIES: Record<string, City> = {
  '130700': {
    code: '130700',
    name: '张家口市',
    divisions: [
      { code: '130702', name: '桥东区' },
      { code: '130703', name: '桥西区' },
      { code: '130705', name: '宣化区' },
      { code: '130706', name: '下花园区' },
      { code: '130708', name: '万全区' },
      { code: '130709', name: '崇礼区' },
      { code: '130722', name: '张北县' },
      { code: '130723', name: '康保县' },
      { code: '130724', name: '沽源县' },
      { code: '130725', name: '尚义县' },
      { code: '130726', name: '蔚县' },
      { code: '130727', name: '阳原县' },
      { code: '130728', name: '怀安县' },
      { code: '130730', name: '怀来县' },
      { code: '130731', name: '涿鹿县' },
      { code: '130732', name: '赤城县' },
    ],
    historical: [
      { code: '130721', name: '宣化县' },
      { code: '130729', name: '万全县' },
      { code: '130733', name: '崇礼县' },
    ],
  },
  '110000': {
    code: '110000',
    name: '北京市',
    divisions: [
      { code: '110101', name: '东城区' },
      { code: '110102', name: '西城区' },
      { code: '110105', name: '朝阳区' },
      { code: '110106', name: '丰台区' },
      { code: '110107', name: '石景山区' },
      { code: '110108', name: '海淀区' },
      { code: '110109', name: '门头沟区' },
      { code: '110111', name: '房山区' },
      { code: '110112', name: '通州区' },
      { code: '110113', name: '顺义区' },
      { code: '110114', name: '昌平区' },
      { code: '110115', name: '大兴区' },
      { code: '110116', name: '怀柔区' },
      { code: '110117', name: '平谷区' },
      { code: '110118', name: '密云区' },
      { code: '110119', name: '延庆区' },
    ],
    historical: [],
  },
};

let namesByCode: Map<string, string> | null = null;

/** The name of a division of any known city, current or historical; undefined when unknown. */
export function divisionName(code: string): string | undefined {
  if (!namesByCode) {
    // The first city and, within it, a current division win, as a search in that order would.
    namesByCode = new Map();
    for (const city of Object.values(CITIES)) {
      for (const d of [...city.divisions, ...city.historical]) {
        if (!namesByCode.has(d.code)) namesByCode.set(d.code, d.name);
      }
    }
  }
  return namesByCode.get(code);
}

/** Whether a code is a current division of the given city. */
export function isDivisionOf(cityCode: string, code: string): boolean {
  return CITIES[cityCode]?.divisions.some((d) => d.code === code) ?? false;
}

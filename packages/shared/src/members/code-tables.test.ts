import { describe, expect, it } from 'vitest';
import { CITIES } from '../divisions';
import {
  codeName,
  DIVISION_SUCCESSORS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  lookupCode,
  lookupDivision,
} from './code-tables';

describe('ETHNICITIES', () => {
  it('lists the 56 groups with codes 01–56 in order and unique names', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(ETHNICITIES.map((e) => e.code)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(new Set(ETHNICITIES.map((e) => e.name)).size).toBe(56);
    expect(ETHNICITIES.every((e) => e.name.endsWith('族'))).toBe(true);
  });

  it.each([
    ['01', '汉族'],
    ['02', '蒙古族'],
    ['03', '回族'],
    ['04', '藏族'],
    ['05', '维吾尔族'],
    ['10', '朝鲜族'],
    ['11', '满族'],
    ['15', '土家族'],
    ['29', '柯尔克孜族'],
    ['30', '土族'],
    ['36', '毛南族'],
    ['46', '德昂族'],
    ['56', '基诺族'],
  ])('%s is %s', (code, name) => {
    expect(codeName(ETHNICITIES, code)).toBe(name);
  });

  it('has no alias that means two groups', () => {
    const spellings = ETHNICITIES.flatMap((e) => [e.name, ...(e.aliases ?? [])]);
    expect(new Set(spellings).size).toBe(spellings.length);
  });
});

describe('lookupCode: ethnicities', () => {
  it.each([
    ['01', '01'],
    ['1', '01'],
    ['汉族', '01'],
    ['汉', '01'],
    [' 汉 族 ', '01'],
    ['蒙古', '02'],
    ['蒙族', '02'],
    ['维吾尔', '05'],
    ['维族', '05'],
    ['土', '30'],
    ['土家', '15'],
    ['毛难族', '36'],
    ['０１', '01'],
    ['01 汉族', '01'],
    ['02-蒙古族', '02'],
  ])('%s → %s', (value, code) => {
    expect(lookupCode(ETHNICITIES, value)).toBe(code);
  });

  it.each(['', '57', '汉人', '01 蒙古族', '外国'])('refuses %s', (value) => {
    expect(lookupCode(ETHNICITIES, value)).toBeNull();
  });
});

describe('EDUCATION_LEVELS', () => {
  it('holds exactly the agreed codes', () => {
    expect(EDUCATION_LEVELS.map((e) => [e.code, e.name])).toEqual([
      ['10', '研究生'],
      ['11', '博士研究生'],
      ['14', '硕士研究生'],
      ['20', '大学本科'],
      ['30', '大学专科'],
      ['40', '中等专科'],
      ['60', '高中'],
      ['70', '初中'],
      ['80', '小学'],
      ['90', '其他'],
    ]);
  });
});

describe('lookupCode: education', () => {
  it.each([
    ['20', '20'],
    ['大学本科', '20'],
    ['本科', '20'],
    ['本科学历', '20'],
    ['大学本科毕业', '20'],
    ['大专', '30'],
    ['专科', '30'],
    ['中专', '40'],
    ['技校', '40'],
    ['硕士', '14'],
    ['研究生（硕士）', '14'],
    ['博士', '11'],
    ['博士研究生毕业', '11'],
    ['研究生', '10'],
    ['高中文化', '60'],
    ['初中', '70'],
    ['小学', '80'],
    ['其它', '90'],
  ])('%s → %s', (value, code) => {
    expect(lookupCode(EDUCATION_LEVELS, value)).toBe(code);
  });

  it.each(['大学', '1', '50', '文化', '本科肄业'])('refuses %s', (value) => {
    expect(lookupCode(EDUCATION_LEVELS, value)).toBeNull();
  });
});

describe('lookupDivision', () => {
  it.each([
    ['130732', '130732'],
    ['赤城县', '130732'],
    ['张家口市赤城县', '130732'],
    ['河北省张家口市赤城县', '130732'],
    ['张家口赤城县', '130732'],
    ['河北省 张家口市 赤城县', '130732'],
    ['赤城', '130732'],
    ['蔚县', '130726'],
    ['蔚', '130726'],
    ['桥东', '130702'],
    ['下花园', '130706'],
    ['１３０７２３', '130723'],
  ])('Zhangjiakou: %s → %s', (value, code) => {
    expect(lookupDivision('130700', value)).toBe(code);
  });

  it.each([
    ['130721', '130705'],
    ['130729', '130708'],
    ['130733', '130709'],
    ['宣化县', '130705'],
    ['万全县', '130708'],
    ['崇礼县', '130709'],
    ['张家口市崇礼县', '130709'],
    ['宣化', '130705'],
  ])('maps the historical %s to its successor %s', (value, code) => {
    expect(lookupDivision('130700', value)).toBe(code);
  });

  it('maps every historical division of every city to a current one', () => {
    for (const city of Object.values(CITIES)) {
      for (const d of city.historical) {
        const successor = DIVISION_SUCCESSORS[d.code];
        expect(successor, d.code).toBeDefined();
        expect(city.divisions.some((c) => c.code === successor)).toBe(true);
      }
    }
  });

  it.each([
    ['北京市朝阳区', '110105'],
    ['北京朝阳区', '110105'],
    ['朝阳', '110105'],
    ['110119', '110119'],
  ])('Beijing: %s → %s', (value, code) => {
    expect(lookupDivision('110000', value)).toBe(code);
  });

  it.each([
    ['130700', ''],
    ['130700', '张家口市'],
    ['130700', '130799'],
    ['130700', '110105'],
    ['130700', '朝阳区'],
    ['130700', '北京市赤城县'],
    ['130700', '赤城镇'],
    ['110000', '赤城县'],
    ['999999', '赤城县'],
  ])('city %s: %s → null', (city, value) => {
    expect(lookupDivision(city, value)).toBeNull();
  });
});

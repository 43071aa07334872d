import { idCheckChar, MemberCreateBody, parseIdNumber } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import type { PlainCell } from '../../../lib/excel/cells';
import { createRowParser, parseMemberRow, type RowContext } from './members.import.row';

const id = (first17: string) => first17 + idCheckChar(first17);
const ID = id('13073219900101123'); // born 1990-01-01, male (3 is odd)
const today = new Date(2024, 5, 1);

const ctx: RowContext = {
  homeCity: '130700',
  hostCity: '110000',
  defaultOrgId: 7,
  today,
  findOrg: (name) =>
    name === '建筑业流动党支部'
      ? { ok: true, orgId: 9 }
      : { ok: false, code: 'ORG_NOT_FOUND', message: `找不到党组织“${name}”` },
};

const base: Record<string, PlainCell> = {
  姓名: '张三',
  身份证号: ID,
  手机号: '13800138000',
  入党日期: '2012-07-01',
  户籍县区: '赤城县',
};
const parse = (cells: Record<string, PlainCell>, c: RowContext = ctx) => parseMemberRow(5, cells, c);

describe('parseMemberRow', () => {
  it('reads a minimal row into the create contract, with the defaults of an import', () => {
    const r = parse(base);
    expect(r.errors).toEqual([]);
    expect(r.idNumber).toBe(ID);
    expect(r.body).toMatchObject({
      name: '张三',
      idNumber: ID,
      phone: '13800138000',
      joinedAt: '2012-07-01',
      homeCounty: '130732',
      memberType: 'full',
      orgId: 7,
      source: 'imported',
      tags: [],
    });
  });

  it('accepts names or codes, loose dates, full-width digits, stray spaces and number cells', () => {
    const r = parse({
      姓名: '李 四',
      性别: '男',
      民族: '汉',
      出生日期: '1990.01',
      身份证号: ` ${ID.slice(0, 6)}　${ID.slice(6).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`,
      手机号: 13800138000,
      学历: '本科毕业',
      入党日期: 2012.07,
      转正日期: new Date(Date.UTC(2013, 6, 1)),
      党员类型: '正式',
      户籍县区: 130732,
      居住区: '通州区',
      外出日期: 200909,
      所在党组织: '建筑业流动党支部',
      标签: '联络员、宣传员, 联络员 厨师',
    });
    expect(r.errors).toEqual([]);
    expect(r.body).toMatchObject({
      name: '李四',
      ethnicity: '01',
      idNumber: ID,
      education: '20',
      joinedAt: '2012-07-01',
      fullMemberAt: '2013-07-01',
      homeCounty: '130732',
      hostDistrict: '110112',
      leftHomeAt: '2009-09-01',
      orgId: 9,
      tags: ['联络员', '宣传员', '厨师'],
    });
  });

  it('reports each bad cell with its column, value, code and a Chinese message', () => {
    const r = parse({
      ...base,
      身份证号: `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`,
      户籍县区: '石家庄市长安区',
      民族: '火星族',
      性别: '未知',
      所在党组织: '不存在的支部',
    });
    expect(r.body).toBeNull();
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['性别', 'BAD_VALUE'],
      ['民族', 'UNKNOWN_CODE'],
      ['身份证号', 'ID_CHECKSUM'],
      ['户籍县区', 'UNKNOWN_DIVISION'],
      ['所在党组织', 'ORG_NOT_FOUND'],
    ]);
    expect(r.errors[3]).toEqual({
      row: 5,
      column: '户籍县区',
      value: '石家庄市长安区',
      code: 'UNKNOWN_DIVISION',
      message: '“石家庄市长安区”不是张家口市的县区',
    });
  });

  it('asks for the text format when an ID number arrived as a number and lost digits', () => {
    const r = parse({ ...base, 身份证号: 130732199001011230 });
    expect(r.errors).toMatchObject([{ column: '身份证号', code: 'ID_NUMBER_AS_NUMBER' }]);
    expect(r.errors[0]!.message).toContain('文本');
  });

  it('names every missing required cell', () => {
    const r = parse({ 备注: '只有备注' }, { ...ctx, defaultOrgId: null });
    expect(r.errors.map((e) => e.column)).toEqual([
      '姓名',
      '身份证号',
      '手机号',
      '入党日期',
      '户籍县区',
      '所在党组织',
    ]);
    expect(r.errors[0]).toMatchObject({ code: 'REQUIRED', message: '请填写姓名', value: '' });
    expect(r.errors[5]!.code).toBe('ORG_REQUIRED');
  });

  it('checks the cells against the ID number, by month when only a month is given', () => {
    expect(parse({ ...base, 性别: '女', 出生日期: '1990-02-01' }).errors.map((e) => e.code)).toEqual([
      'ID_GENDER_MISMATCH',
      'ID_BIRTH_MISMATCH',
    ]);
    // 18 on 2008-01-01: a joining month of 2008-01 is accepted, 2007-12 is not.
    expect(parse({ ...base, 入党日期: '2008年1月' }).errors).toEqual([]);
    expect(parse({ ...base, 入党日期: '2007.12' }).errors).toMatchObject([
      { column: '入党日期', code: 'JOINED_UNDER_18' },
    ]);
  });

  it('applies the contract rules: date order and probationary members', () => {
    expect(parse({ ...base, 转正日期: '2011-01-01' }).errors).toMatchObject([
      { column: '转正日期', message: '转正日期不能早于入党日期' },
    ]);
    expect(parse({ ...base, 党员类型: '预备党员', 转正日期: '2013-07-01' }).errors).toMatchObject([
      { column: '转正日期', message: '预备党员不应有转正日期' },
    ]);
    expect(parse({ ...base, 党员类型: '积极分子' }).errors).toMatchObject([
      { column: '党员类型', code: 'BAD_VALUE' },
    ]);
  });

  it('refuses unreadable, future and ambiguous dates', () => {
    expect(parse({ ...base, 入党日期: '去年' }).errors).toMatchObject([
      { column: '入党日期', code: 'DATE_FORMAT' },
    ]);
    expect(parse({ ...base, 外出日期: '2030-01-01' }).errors).toMatchObject([{ code: 'DATE_FUTURE' }]);
    expect(parse({ ...base, 入党日期: 2012.1 }).errors).toMatchObject([{ code: 'DATE_AMBIGUOUS' }]);
    expect(parse({ ...base, 入党日期: 2012.12 }).body?.joinedAt).toBe('2012-12-01');
  });

  it('passes on the ID number as parsed, with the member, so that nothing parses it again', () => {
    const r = parse({ ...base, 身份证号: ` ${ID.toLowerCase()} ` });
    expect(r.id).toEqual((parseIdNumber(ID) as { value: unknown }).value);
    expect(r.id).toMatchObject({ idNumber: ID, birthDate: '1990-01-01', gender: 'male' });
    expect(parse({ ...base, 户籍县区: '长安区' }).id).toBeNull();
  });

  it('accepts only members that the whole create contract accepts, as it would give them', () => {
    // The import checks the ID number and phone itself, cell by cell; its contract check leaves
    // those two out. What it lets through must still pass the full contract, unchanged.
    const rows: Record<string, PlainCell>[] = [
      base,
      { ...base, 性别: '男', 出生日期: '1990-01', 党员类型: '预备党员', 标签: '联络员 联络员' },
      { ...base, 手机号: '+86 138-0013-8000', 入党日期: new Date(Date.UTC(2008, 0, 1)), 备注: ' 备注 ' },
      { ...base, 转正日期: '2013年7月', 居住区: '110112', 居住地址: '北京市通州区', 工作单位: '某公司' },
    ];
    const parseRow = createRowParser(ctx);
    for (const cells of rows) {
      const { body, errors } = parseRow(5, cells);
      expect(errors).toEqual([]);
      expect(MemberCreateBody.parse(body)).toEqual(body);
    }
  });

  it('gives the same answers from one parser for a whole sheet as row by row', () => {
    const rows: Record<string, PlainCell>[] = [
      base,
      { ...base, 入党日期: '2007.12' },
      base,
      { ...base, 户籍县区: '石家庄市长安区', 入党日期: 2012.1 },
      { ...base, 户籍县区: '石家庄市长安区', 入党日期: 2012.1 },
      { ...base, 入党日期: new Date(Date.UTC(2012, 6, 1)) },
    ];
    const parseRow = createRowParser(ctx);
    for (const [i, cells] of rows.entries())
      expect(parseRow(i + 2, cells)).toEqual(parseMemberRow(i + 2, cells, ctx));
  });
});

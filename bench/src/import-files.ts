import { idCheckChar } from '@ningxin/shared';

/** An .xlsx file written row by row with exceljs's streaming writer (the server tests' helper). */
export { streamedXlsx as xlsxFile } from '../../apps/server/test/excel';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海燕春梅文斌';
const COUNTIES = ['赤城县', '张家口市康保县', '130722', '蔚县', '宣化区', '怀来'];
const DISTRICTS = ['通州区', '朝阳区', '110108', '大兴区', null];
const DAY = 86_400_000;

/**
 * The rows of a member sheet as a committee office keeps one: a title row, Chinese headers, then
 * `rows` members. ID numbers use regions of 石家庄 (130102…), which the demo data never uses, so a
 * sheet never collides with the seeded base; `part` keeps two sheets apart from each other.
 */
export function* memberSheetRows(rows: number, part: 0 | 1): Generator<unknown[]> {
  const regions = part === 0 ? ['130102', '130104'] : ['130105', '130108'];
  yield ['张家口市驻京流动党员名册（基准测试）'];
  yield ['姓名', '性别', '身份证号', '手机号', '学历', '入党日期', '户籍县区', '居住区', '工作单位', '标签'];
  const start = Date.UTC(1962, 0, 1);
  for (let i = 0; i < rows; i++) {
    const j = Math.floor(i / regions.length);
    const birth = new Date(start + (j % 12_000) * DAY);
    const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const seq = 100 + Math.floor(j / 12_000) * 2 + (i % 2);
    const first17 = `${regions[i % regions.length]}${ymd}${String(seq).padStart(3, '0')}`;
    yield [
      SURNAMES[i % SURNAMES.length]! +
        GIVEN[(i * 7) % GIVEN.length]! +
        (i % 3 ? GIVEN[(i * 11) % GIVEN.length] : ''),
      seq % 2 === 1 ? '男' : '女',
      first17 + idCheckChar(first17),
      `170${part}${String(i).padStart(7, '0')}`,
      i % 2 ? '大学本科' : '高中',
      `${birth.getUTCFullYear() + 24}-07-01`,
      COUNTIES[i % COUNTIES.length],
      DISTRICTS[i % DISTRICTS.length],
      `第${i % 50}建筑公司`,
      i % 100 === 0 ? '联络员' : null,
    ];
  }
}

import { CITIES } from '@ningxin/shared';
import { secondLevelCommittees } from './demo-committee';
import { HOME_COUNTY_WEIGHTS } from './demo-member-tables';
import type { DemoMember, DemoStatus } from './demo-members';
import { weighted } from './random';

/** How the demo members are distributed: committee sizes, ages, counties, education, statuses. */

// ---- distributions ----

/** Relative size of each second-level committee, by its key in `secondLevelCommittees()`. */
export const COMMITTEE_WEIGHT_BY_KEY: Record<string, number> = {
  tongzhou: 17,
  daxing: 15,
  '110105': 14, // 朝阳
  dashilan: 13,
  '110108': 12, // 海淀
  '110114': 8.5, // 昌平, the committee's seat
  '110106': 8, // 丰台
  '110113': 6, // 顺义
  '110111': 5, // 房山
  yanqing: 4,
  huairou: 3.5,
  '110102': 3.5, // 西城
  '110101': 3, // 东城
  '110107': 3, // 石景山
  '110109': 2, // 门头沟
  '110118': 2, // 密云
  '110117': 1.5, // 平谷
};
export const COMMITTEE_WEIGHTS: ReadonlyMap<string, number> = new Map(
  secondLevelCommittees().map((c) => [c.name, COMMITTEE_WEIGHT_BY_KEY[c.key] ?? 3]),
);

/** Within a committee, how the trades' branches compare in size. */
export const TRADE_WEIGHTS: Record<string, number> = {
  建筑业: 30,
  商贸物流: 18,
  餐饮服务: 12,
  交通运输: 12,
  个体经营: 12,
  家政服务: 10,
  物业保安: 10,
  制造业: 8,
};

export const pickAge = weighted<[number, number]>([
  [[20, 29], 6],
  [[30, 39], 16],
  [[40, 49], 31],
  [[50, 59], 29],
  [[60, 69], 12],
  [[70, 85], 6],
]);
/** Age at joining the Party, for full members. */
export const pickJoinAge = weighted<[number, number]>([
  [[18, 22], 40],
  [[23, 28], 38],
  [[29, 35], 15],
  [[36, 45], 6],
  [[46, 55], 1],
]);
export const pickCounty = weighted(HOME_COUNTY_WEIGHTS);
export const ethnicityPicker = (mongol: number) =>
  weighted([
    ['01', 100 - mongol - 3.3],
    ['02', mongol],
    ['03', 1.6],
    ['11', 1.7],
  ]);
export const pickEthnicityBashang = ethnicityPicker(6);
export const pickEthnicity = ethnicityPicker(1.5);
export const pickEducationYoung = weighted([
  ['14', 2],
  ['20', 22],
  ['30', 30],
  ['40', 14],
  ['60', 20],
  ['70', 12],
]);
export const pickEducationMiddle = weighted([
  ['14', 1],
  ['20', 10],
  ['30', 20],
  ['40', 15],
  ['60', 30],
  ['70', 22],
  ['80', 2],
]);
export const pickEducationOld = weighted([
  ['20', 4],
  ['30', 8],
  ['40', 14],
  ['60', 34],
  ['70', 32],
  ['80', 8],
]);
export const pickRelationship = weighted<DemoMember['relationship']>([
  ['certificate', 60],
  ['transferred_in', 25],
  ['at_home', 15],
]);
export const pickDriveSource = weighted<DemoMember['source']>([
  ['found', 94],
  ['self_registered', 6],
]);
export const pickLaterSource = weighted<DemoMember['source']>([
  ['found', 40],
  ['self_registered', 45],
  ['imported', 10],
  ['manual', 5],
]);
export const pickStatus = weighted<DemoStatus>([
  ['active', 93.8],
  ['lost', 3],
  ['returned', 2],
  ['transferred_out', 1.2],
]);
export const ROLE_TAG_CHANCES: [string, number][] = [
  ['联络员', 0.015],
  ['招商员', 0.008],
  ['宣传员', 0.012],
];
export const PHONE_PREFIXES = [
  ...'0123456789'.split('').map((d) => `13${d}`),
  ...'01235679'.split('').map((d) => `15${d}`),
  '166',
  '176',
  '177',
  '178',
  ...'0123456789'.split('').map((d) => `18${d}`),
  '191',
  '198',
  '199',
];
/** Division names of both cities, by code. */
export const DIVISION_NAMES = new Map(
  Object.values(CITIES).flatMap((c) =>
    [...c.divisions, ...c.historical].map((d) => [d.code, d.name] as const),
  ),
);
export const URBAN_COUNTIES = new Set(['130702', '130703', '130705', '130706']);

/** Region codes an ID number can carry (16 current, 3 historical), indexed for uniqueness keys. */

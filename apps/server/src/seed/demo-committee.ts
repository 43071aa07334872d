import { CITIES } from '@ningxin/shared';

/** The committee of the source article: the top committee and its 17 second-level committees. */
export const TOP_COMMITTEE = { name: '中共张家口市驻京流动党员联合委员会', hostDistrict: '110114' };

/** The five second-level committees the article names, then one for each remaining Beijing district. */
export function secondLevelCommittees(): { key: string; name: string; hostDistrict: string }[] {
  const named = [
    { key: 'tongzhou', name: '驻北京通州区流动党委', hostDistrict: '110112' },
    { key: 'huairou', name: '驻北京怀柔区流动党委', hostDistrict: '110116' },
    { key: 'daxing', name: '驻北京大兴区流动党委', hostDistrict: '110115' },
    { key: 'yanqing', name: '驻北京延庆区流动党委', hostDistrict: '110119' },
    { key: 'dashilan', name: '驻北京大栅栏街道流动党委', hostDistrict: '110102' },
  ];
  const taken = new Set(['110112', '110116', '110115', '110119']);
  const rest = CITIES['110000']!.divisions.filter((d) => !taken.has(d.code)).map((d) => ({
    key: d.code,
    name: `驻北京${d.name}流动党委`,
    hostDistrict: d.code,
  }));
  return [...named, ...rest];
}

/** Branch names by the trades Zhangjiakou's members work in. */
export const BRANCH_TRADES = [
  '建筑业',
  '商贸物流',
  '家政服务',
  '餐饮服务',
  '交通运输',
  '制造业',
  '物业保安',
  '个体经营',
] as const;

export const DEMO_PASSWORD = 'Demo-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role:
    | 'system_admin'
    | 'security_admin'
    | 'audit_admin'
    | 'committee_admin'
    | 'secretary'
    | 'home_viewer'
    | 'host_viewer'
    | 'finder'
    | 'member';
  /** For secretaries: the key of their second-level committee. */
  committee?: string;
  division?: string;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', description: '系统管理员（账户）' },
  {
    username: 'security',
    displayName: '安全管理员',
    role: 'security_admin',
    description: '安全管理员（授权、解锁）',
  },
  {
    username: 'auditor',
    displayName: '安全审计员',
    role: 'audit_admin',
    description: '安全审计员（审计日志）',
  },
  {
    username: 'office',
    displayName: '流动党委办公室',
    role: 'committee_admin',
    description: '流动党委办公室（全部）',
  },
  {
    username: 'tongzhou',
    displayName: '通州流动党委书记',
    role: 'secretary',
    committee: 'tongzhou',
    description: '驻北京通州区流动党委书记',
  },
  {
    username: 'haidian',
    displayName: '海淀流动党委书记',
    role: 'secretary',
    committee: '110108',
    description: '驻北京海淀区流动党委书记',
  },
  {
    username: 'kangbao',
    displayName: '康保县委组织部',
    role: 'home_viewer',
    division: '130723',
    description: '流出地：康保县',
  },
  {
    username: 'xicheng',
    displayName: '西城区委组织部',
    role: 'host_viewer',
    division: '110102',
    description: '流入地：西城区',
  },
  {
    username: 'member',
    displayName: '党员（通州）',
    role: 'member',
    description: '党员（通州）：本人档案',
  },
  // The working group (工作组) of the finding campaigns: four committee-wide, two of 通州.
  ...[1, 2, 3, 4, 5, 6].map(
    (n): DemoAccount => ({
      username: `finder${n}`,
      displayName: `工作组寻访员${'一二三四五六'[n - 1]}`,
      role: 'finder',
      ...(n > 4 ? { committee: 'tongzhou' } : {}),
      description: n > 4 ? '工作组（通州）：分配给本人的线索' : '工作组：分配给本人的线索',
    }),
  ),
];

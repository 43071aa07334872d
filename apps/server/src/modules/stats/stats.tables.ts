import type {
  StatsFlowResponse,
  StatsMemberDimension,
  StatsMembersResponse,
  StatsTopicResponse,
} from '@ningxin/shared';
import type { StatsTable } from './stats.export';

/** The tables behind the charts, as the .xlsx exports write them: one function per topic. */

const DIMENSION_NAMES: Record<StatsMemberDimension, string> = {
  secondCommittee: '二级流动党委',
  homeCounty: '流出地县区',
  hostDistrict: '流入地区',
  ageBand: '年龄段',
  partyAge: '党龄',
  education: '学历',
  memberType: '党员类别',
  status: '状态',
  source: '来源',
  tag: '标签',
  gender: '性别',
};

export const membersTable = (r: StatsMembersResponse): StatsTable => ({
  title: `党员按${DIMENSION_NAMES[r.by]}统计`,
  topic: `members-${r.by}`,
  headers: [DIMENSION_NAMES[r.by], '人数'],
  rows: r.rows.map((row) => [row.name, row.count]),
  total: ['合计', r.total],
});

export const flowTable = (r: StatsFlowResponse): StatsTable => ({
  title: `${r.year}年党员变动`,
  topic: 'members-flow',
  headers: ['月份', '新建档案', '其中组织寻找', '转出', '失联', '恢复在册'],
  rows: r.rows.map((m) => [m.name, m.created, m.found, m.transferredOut, m.lost, m.restored]),
  total: ['合计', r.total.created, r.total.found, r.total.transferredOut, r.total.lost, r.total.restored],
});

/** A domain topic's table: its rows under its columns (units in the headers), and the total. */
export const topicTable = (r: StatsTopicResponse): StatsTable => ({
  title: r.title,
  topic: r.topic,
  headers: [r.rowLabel, ...r.columns.map((c) => `${c.label}（${c.unit}）`)],
  rows: r.rows.map((row) => [row.name, ...r.columns.map((c) => row.values[c.key] ?? null)]),
  total: ['合计', ...r.columns.map((c) => r.total[c.key] ?? null)],
});

import type { BenchRequest } from './http';

/** Runs one SQL text with parameters directly on the store; returns its rows. */
export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export type OpGroup = 'login' | 'session' | 'search' | 'list' | 'detail' | 'tree' | 'counts' | 'stats';

/**
 * The demo accounts operations run as: the committee office (whole tree), 通州's secretary
 * (subtree), 康保's home-county viewer and 西城's host-district viewer.
 */
export const BENCH_USERS = ['office', 'tongzhou', 'kangbao', 'xicheng'] as const;
export type BenchUser = (typeof BENCH_USERS)[number];

/** One operation of the benchmark, as the web app sends it. */
export interface Op {
  id: string;
  /** What a user does, in Chinese, for the report. */
  label: string;
  group: OpGroup;
  /** The demo account it runs as. */
  user: BenchUser;
  /** Requests rotated through; several probes so that no single cached answer is measured. */
  requests: BenchRequest[];
}

/** The second-level committee whose secretary is the scoped user. */
export const SCOPED_COMMITTEE = '驻北京通州区流动党委';
const PAGE = 50;

const members = (params: Record<string, string>): BenchRequest => ({
  method: 'GET',
  path: `/api/v1/members?${new URLSearchParams({ limit: String(PAGE), ...params })}`,
});
/** A list cursor as the server makes one: the sort value as the database's text, and the id. */
const cursorOf = (sortKey: unknown, id: unknown) =>
  Buffer.from(JSON.stringify([String(sortKey), Number(id)])).toString('base64url');

async function column(query: Query, sql: string, params: unknown[] = []): Promise<string[]> {
  const rows = await query(sql, params);
  const values = rows.map((r) => String(Object.values(r)[0]));
  if (values.length === 0) throw new Error(`no probe values: ${sql}`);
  return values;
}

/**
 * Search probes taken from the data, spread over the whole table (every n-th id), so that each
 * search finds real members: 2- and 3-character names, pinyin initials, phone and ID tails.
 */
async function probes(query: Query) {
  const sample = (expr: string, where: string, step: number) =>
    column(query, `select ${expr} from members where ${where} and id % ${step} = 0 order by id limit 8`);
  return {
    name2: await sample('name', 'char_length(name) = 2', 97),
    name3: await sample('name', 'char_length(name) = 3', 89),
    initials: await sample('name_initials', 'char_length(name_initials) = 3', 83),
    phoneTail: await sample('phone_tail', 'true', 79),
    idTail: await sample('id_tail', 'true', 73),
    ids: await sample('id::text', 'true', 71),
  };
}

/** The cursor of the row half-way down a scope's default list (newest first): a deep keyset page. */
async function deepCursor(query: Query, where: string, params: unknown[]): Promise<string> {
  const [{ n }] = (await query(`select count(*)::int as n from members where ${where}`, params)) as [
    { n: number },
  ];
  const rows = await query(
    `select id, created_at::text as key from members where ${where}
     order by created_at desc, id desc offset ${Math.floor(Number(n) / 2)} limit 1`,
    params,
  );
  return cursorOf(rows[0]!.key, rows[0]!.id);
}

export async function buildOps(query: Query): Promise<Op[]> {
  const p = await probes(query);
  const [scoped] = await query('select id, path from orgs where name = $1', [SCOPED_COMMITTEE]);
  if (!scoped) throw new Error(`${SCOPED_COMMITTEE} not found: is the demo committee seeded?`);
  const subtree = `(org_path = $1 or org_path like $1 || '.%')`;
  const deepAll = await deepCursor(query, 'true', []);
  const deepScoped = await deepCursor(query, subtree, [scoped.path]);
  const search = (values: string[]) => values.map((q) => members({ q }));

  const ops: Op[] = [
    {
      id: 'login',
      label: '登录（口令校验 argon2id）',
      group: 'login',
      user: 'office',
      requests: [
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: JSON.stringify({ username: 'office', password: 'Demo-2026' }),
        },
      ],
    },
    {
      // The floor of any request on this machine: HTTP over loopback and an answer, no session, no database.
      id: 'http-floor',
      label: 'HTTP 空请求（/health/live，不校验会话、不查库）',
      group: 'session',
      user: 'office',
      requests: [{ method: 'GET', path: '/api/health/live' }],
    },
    {
      // The floor under every other operation: the session check and an answer, no member data.
      id: 'session',
      label: '会话校验（/auth/me，每个请求的固定开销）',
      group: 'session',
      user: 'office',
      requests: [{ method: 'GET', path: '/api/v1/auth/me' }],
    },
    {
      id: 'search-name2',
      label: '搜索：两字姓名',
      group: 'search',
      user: 'office',
      requests: search(p.name2),
    },
    {
      id: 'search-name3',
      label: '搜索：三字姓名',
      group: 'search',
      user: 'office',
      requests: search(p.name3),
    },
    {
      id: 'search-initials',
      label: '搜索：拼音首字母',
      group: 'search',
      user: 'office',
      requests: search(p.initials),
    },
    {
      id: 'search-phone4',
      label: '搜索：手机号后四位',
      group: 'search',
      user: 'office',
      requests: search(p.phoneTail),
    },
    {
      id: 'search-id4',
      label: '搜索：身份证后四位',
      group: 'search',
      user: 'office',
      requests: search(p.idTail),
    },
    {
      id: 'search-name2-scoped',
      label: '搜索：两字姓名（二级党委书记）',
      group: 'search',
      user: 'tongzhou',
      requests: search(p.name2),
    },
    {
      id: 'list-first',
      label: '列表第一页（全党委）',
      group: 'list',
      user: 'office',
      requests: [members({})],
    },
    {
      id: 'list-deep',
      label: '列表深页（全党委，游标在中间）',
      group: 'list',
      user: 'office',
      requests: [members({ cursor: deepAll })],
    },
    {
      id: 'list-first-scoped',
      label: '列表第一页（二级党委书记）',
      group: 'list',
      user: 'tongzhou',
      requests: [members({})],
    },
    {
      id: 'list-deep-scoped',
      label: '列表深页（二级党委书记）',
      group: 'list',
      user: 'tongzhou',
      requests: [members({ cursor: deepScoped })],
    },
    {
      id: 'list-org-filter',
      label: '列表第一页（办公室按二级党委筛选）',
      group: 'list',
      user: 'office',
      requests: [members({ orgId: String(scoped.id) })],
    },
    {
      id: 'detail',
      label: '党员详情',
      group: 'detail',
      user: 'office',
      requests: p.ids.map((id) => ({ method: 'GET', path: `/api/v1/members/${id}` })),
    },
    {
      id: 'org-tree',
      label: '组织树',
      group: 'tree',
      user: 'office',
      requests: [{ method: 'GET', path: '/api/v1/orgs/tree' }],
    },
  ];
  for (const [by, label] of [
    ['homeCounty', '按户籍县区'],
    ['committee', '按二级党委'],
    ['status', '按状态'],
  ] as const) {
    ops.push({
      id: `counts-${by}`,
      label: `统计：${label}`,
      group: 'counts',
      user: 'office',
      requests: [{ method: 'GET', path: `/api/v1/members/counts?by=${by}` }],
    });
    ops.push({
      id: `counts-${by}-scoped`,
      label: `统计：${label}（二级党委书记）`,
      group: 'counts',
      user: 'tongzhou',
      requests: [{ method: 'GET', path: `/api/v1/members/counts?by=${by}` }],
    });
  }
  // The 统计 dashboards (member figures from the rollups) and the big screen's headline figures.
  const stats = (id: string, label: string, user: Op['user'], path: string) =>
    ops.push({ id, label, group: 'stats', user, requests: [{ method: 'GET', path }] });
  stats('stats-age', '数据统计：按年龄段', 'office', '/api/v1/stats/members?by=ageBand');
  stats(
    'stats-age-scoped',
    '数据统计：按年龄段（二级党委书记）',
    'tongzhou',
    '/api/v1/stats/members?by=ageBand',
  );
  stats('stats-education', '数据统计：按学历', 'office', '/api/v1/stats/members?by=education');
  stats(
    'stats-age-county',
    '数据统计：按年龄段（户籍县区查看者）',
    'kangbao',
    '/api/v1/stats/members?by=ageBand',
  );
  stats(
    'stats-education-district',
    '数据统计：按学历（居住区查看者）',
    'xicheng',
    '/api/v1/stats/members?by=education',
  );
  stats('stats-district', '数据统计：按在京居住区', 'office', '/api/v1/stats/members?by=hostDistrict');
  stats(
    'stats-overview',
    '数据大屏：头部数字（同一范围 5 秒内共用一次计算）',
    'office',
    '/api/v1/stats/overview',
  );
  return ops;
}

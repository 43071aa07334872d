/** The `reports` texts: simplified Chinese (the default) and English. */
const zh = {
  title: '统计报表',
  help: '按管理范围生成年度党内统计报表和全委现实表现反馈汇总表（Excel）。下载记入审计。',
  year: '年度',
  annual: {
    title: '年度党内统计报表',
    help: '三张表：党员基本情况（性别、年龄、学历、党员类别、党龄，含合计与占比）、党员变动情况（本年度增加、恢复、减少，按二级流动党委）、党组织基本情况（按组织类别）。按流出地或流入地查看的账户只有前两张表。',
    org: '组织范围',
    allScope: '我的全部管理范围',
    download: '下载报表',
  },
  feedback: {
    title: '全委现实表现反馈汇总表',
    help: '每个流出地县区一页、每名在册党员一行：所在组织、状态、组织生活、学时、志愿服务、服务家乡、表彰、民主评议。生成需要一些时间，可离开本页后回来下载。',
    start: '开始生成',
    started: '已开始生成',
    none: '尚未生成',
    state: '状态',
    counties: '县区 {{done}}/{{total}}',
    members: '党员 {{done}}/{{total}}',
    startedAt: '开始于 {{time}}',
    download: '下载汇总表',
    recent: '最近生成',
    membersCol: '党员数',
    startedCol: '开始时间',
    yearOf: '{{year}} 年度',
  },
};

const en: typeof zh = {
  title: 'Reports',
  help: 'The annual statistical report and the committee-wide feedback workbook (Excel) for your scope. Downloads are audited.',
  year: 'Year',
  annual: {
    title: 'Annual statistical report',
    help: 'Three tables: members by category (gender, age, education, type, Party age, with totals and shares), changes in the year (added, restored, removed, by second-level committee), organizations by kind. Accounts scoped to a home county or host district get the first two.',
    org: 'Organization',
    allScope: 'My whole scope',
    download: 'Download report',
  },
  feedback: {
    title: 'Committee feedback workbook',
    help: 'One sheet per home county, one row per member on the rolls: organization, status, meetings, study hours, volunteering, hometown service, honours, evaluation. Generation takes a while; you may leave and come back to download.',
    start: 'Generate',
    started: 'Generation started',
    none: 'Not generated yet',
    state: 'State',
    counties: 'Counties {{done}}/{{total}}',
    members: 'Members {{done}}/{{total}}',
    startedAt: 'Started {{time}}',
    download: 'Download workbook',
    recent: 'Recent runs',
    membersCol: 'Members',
    startedCol: 'Started',
    yearOf: 'Year {{year}}',
  },
};

export const reportsText = { zh, en };

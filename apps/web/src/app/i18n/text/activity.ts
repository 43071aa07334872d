/** The `activity` texts: simplified Chinese (the default) and English. */
const zh = {
  title: '履历',
  recent: '近期',
  yearOption: '{{year}} 年',
  yearLabel: '选择年份',
  totals: '{{year}} 年合计',
  totalsEmpty: '{{year}} 年暂无记录',
  entries: '{{count}} 条',
  empty: '暂无履历记录',
  statusEvent: '{{from}} → {{to}}',
  statusInitial: '登记为{{to}}',
  by: '{{name}} 于 {{time}} 操作',
};

const en: typeof zh = {
  title: 'Record of activity',
  recent: 'Recent',
  yearOption: '{{year}}',
  yearLabel: 'Choose a year',
  totals: 'Totals for {{year}}',
  totalsEmpty: 'Nothing recorded in {{year}}',
  entries: '{{count}} entries',
  empty: 'Nothing recorded yet',
  statusEvent: '{{from}} → {{to}}',
  statusInitial: 'Registered as {{to}}',
  by: 'by {{name}} at {{time}}',
};

export const activityText = { zh, en };

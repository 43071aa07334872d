/** The `activity` texts in simplified Chinese, the default language (English: ./en/activity.ts). */
export const activityText = {
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

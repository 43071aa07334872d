/** The `me` texts in simplified Chinese, the default language (English: ./en/me.ts). */
export const meText = {
  title: '我的档案',
  record: '我的信息',
  contact: '修改联系方式',
  edit: '修改',
  age: '{{count}} 岁',
  note: '修改将记入档案变更记录，您所在党组织的书记可以看到。',
  phonePlaceholder: '不修改请留空（当前 {{masked}}）',
  saved: '已保存',
  noRecord: '当前账户未关联党员档案，请联系所在党组织。',
  nothingChanged: '没有需要保存的修改',
};

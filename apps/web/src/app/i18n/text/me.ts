/** The `me` texts: simplified Chinese (the default) and English. */
const zh = {
  title: '我的档案',
  record: '我的信息',
  contact: '修改联系方式',
  note: '修改将记入档案变更记录，您所在党组织的书记可以看到。',
  phonePlaceholder: '不修改请留空（当前 {{masked}}）',
  saved: '已保存',
  noRecord: '当前账户未关联党员档案，请联系所在党组织。',
  nothingChanged: '没有需要保存的修改',
};

const en: typeof zh = {
  title: 'My record',
  record: 'My details',
  contact: 'Update contact details',
  note: 'Changes are recorded and visible to the secretary of your Party organization.',
  phonePlaceholder: 'Leave empty to keep ({{masked}})',
  saved: 'Saved',
  noRecord: 'This account is not linked to a member record. Please contact your Party organization.',
  nothingChanged: 'Nothing to save',
};

export const meText = { zh, en };

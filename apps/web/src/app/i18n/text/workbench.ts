/** The `workbench` texts: simplified Chinese (the default) and English. */
const zh = {
  hello: '您好，{{name}}',
  figures: { total: '党员总数', active: '在册', lost: '失联', newThisMonth: '本月新增' },
  todos: '待办事项',
  noTodos: '暂无待办事项',
  handle: '去处理',
  recent: '最近动态',
  noRecent: '暂无记录',
  shortcuts: '快捷入口',
};

const en: typeof zh = {
  hello: 'Hello, {{name}}',
  figures: { total: 'Members', active: 'Active', lost: 'Lost contact', newThisMonth: 'New this month' },
  todos: 'To do',
  noTodos: 'Nothing to do',
  handle: 'Open',
  recent: 'Recent activity',
  noRecent: 'Nothing recorded yet',
  shortcuts: 'Shortcuts',
};

export const workbenchText = { zh, en };

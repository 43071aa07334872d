/** The `workbench` texts in simplified Chinese, the default language (English: ./en/workbench.ts). */
export const workbenchText = {
  hello: '您好，{{name}}',
  figures: { total: '党员总数', active: '在册', lost: '失联', newThisMonth: '本月新增' },
  todos: '待办事项',
  noTodos: '暂无待办事项',
  handle: '去处理',
  recent: '最近动态',
  noRecent: '暂无记录',
  shortcuts: '快捷入口',
};

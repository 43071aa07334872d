/** The `menuGroup` texts in simplified Chinese, the default language (English: ./en/menu-group.ts). */
export const menuGroupText = {
  workbench: '工作台',
  members: '党员',
  orgs: '组织',
  finding: '党员双找',
  life: '组织生活',
  learning: '学习教育',
  service: '志愿服务',
  hometown: '服务家乡',
  care: '关爱激励',
  stats: '统计',
  system: '系统',
};

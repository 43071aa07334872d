/** The `menuGroup` texts: simplified Chinese (the default) and English. */
const zh = {
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

const en: typeof zh = {
  workbench: 'Workbench',
  members: 'Members',
  orgs: 'Organization',
  finding: 'Finding members',
  life: 'Party life',
  learning: 'Study',
  service: 'Volunteering',
  hometown: 'Hometown',
  care: 'Care',
  stats: 'Statistics',
  system: 'System',
};

export const menuGroupText = { zh, en };

/** The `app` texts: simplified Chinese (the default) and English. */
const zh = {
  name: '凝心',
  subtitle: '流动党员管理服务平台',
  openMenu: '打开菜单',
  logout: '退出登录',
  loggedOut: '已退出登录',
  switchLanguage: '切换语言',
  loading: '加载中…',
  forbidden: '您没有访问此页面的权限',
  notFound: '页面不存在',
  backHome: '返回首页',
  loadFailed: '加载失败',
  retry: '重试',
};

const en: typeof zh = {
  name: 'Ningxin',
  subtitle: 'Floating Party Member Platform',
  openMenu: 'Open menu',
  logout: 'Log out',
  loggedOut: 'Logged out',
  switchLanguage: 'Switch language',
  loading: 'Loading…',
  forbidden: 'You are not allowed to open this page',
  notFound: 'Page not found',
  backHome: 'Back to home',
  loadFailed: 'Failed to load',
  retry: 'Retry',
};

export const appText = { zh, en };

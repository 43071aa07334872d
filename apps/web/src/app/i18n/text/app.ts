/** The `app` texts in simplified Chinese, the default language (English: ./en/app.ts). */
export const appText = {
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

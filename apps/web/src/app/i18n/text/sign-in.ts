/** The `signIn` texts (扫码签到, shared by meetings, training sessions and volunteer shifts) in simplified Chinese, the default language (English: ./en/sign-in.ts). */
export const signInText = {
  codeTitle: '扫码签到',
  scanHint: '请用手机扫描二维码签到',
  window: '签到时间：{{opens}} 至 {{closes}}',
  notOpen: '签到尚未开始',
  closed: '签到已结束',
  open: '签到进行中',
  copyLink: '复制签到链接',
  copied: '签到链接已复制',
  fullscreen: '全屏显示',
  exitFullscreen: '退出全屏',
  refresh: '刷新二维码',
};

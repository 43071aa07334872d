/** The `signIn` texts (扫码签到, shared by meetings, training sessions and volunteer shifts). */
const zh = {
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

const en: typeof zh = {
  codeTitle: 'Sign in by QR code',
  scanHint: 'Scan the code with your phone to sign in',
  window: 'Sign-in from {{opens}} to {{closes}}',
  notOpen: 'Sign-in has not opened yet',
  closed: 'Sign-in has closed',
  open: 'Sign-in is open',
  copyLink: 'Copy the sign-in link',
  copied: 'Sign-in link copied',
  fullscreen: 'Full screen',
  exitFullscreen: 'Leave full screen',
  refresh: 'Refresh the code',
};

export const signInText = { zh, en };

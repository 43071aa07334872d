/** The `login` texts: simplified Chinese (the default) and English. */
const zh = {
  title: '登录',
  username: '用户名',
  password: '密码',
  submit: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  slogan: '离乡不离党　流动不流失',
  otp: '动态码',
  otpHint: '打开手机上的身份验证器，输入“凝心”的 6 位动态码；手机丢失时可输入一个恢复码',
  otpRequired: '请输入动态码',
};

const en: typeof zh = {
  title: 'Sign in',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  slogan: 'Away from home, never away from the Party',
  otp: 'Verification code',
  otpHint:
    'Open the authenticator app on your phone and enter the 6-digit code for Ningxin, or a recovery code if the phone is lost',
  otpRequired: 'Enter the code',
};

export const loginText = { zh, en };

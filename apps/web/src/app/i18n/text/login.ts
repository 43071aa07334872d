/** The `login` texts: simplified Chinese (the default) and English. */
const zh = {
  title: '登录',
  username: '用户名',
  password: '密码',
  submit: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  slogan: '离乡不离党　流动不流失',
};

const en: typeof zh = {
  title: 'Sign in',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  slogan: 'Away from home, never away from the Party',
};

export const loginText = { zh, en };

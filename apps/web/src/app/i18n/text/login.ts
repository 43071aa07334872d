/** The `login` texts in simplified Chinese, the default language (English: ./en/login.ts). */
export const loginText = {
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
  showPassword: '显示密码',
  hidePassword: '隐藏密码',
};

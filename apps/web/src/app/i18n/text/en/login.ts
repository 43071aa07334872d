/** The `login` texts in English, loaded only when English is chosen. */
import type { loginText } from '../login';

export const loginTextEn: typeof loginText = {
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
  showPassword: 'Show password',
  hidePassword: 'Hide password',
};

/** The `signIn` texts (扫码签到, shared by meetings, training sessions and volunteer shifts) in English, loaded only when English is chosen. */
import type { signInText } from '../sign-in';

export const signInTextEn: typeof signInText = {
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

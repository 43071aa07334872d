/** The `app` texts in English, loaded only when English is chosen. */
import type { appText } from '../app';

export const appTextEn: typeof appText = {
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

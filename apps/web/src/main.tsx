import { i18nReady } from './app/i18n';
import './styles.css';
import type { MeResponse } from '@ningxin/shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchMe } from './features/auth/auth.api';
import { afterLogin } from './features/auth/login/afterLogin';
import { LoginScreen } from './features/auth/login/LoginScreen';
import { safeNext } from './lib/safeNext';

/**
 * The entry: React, the texts and the login screen. A first visit to /login shows the screen
 * without the app (no antd, no router); the app (./app/App) loads as the user starts typing and
 * renders once signed in. Every other address loads the app at once.
 */
const element = document.getElementById('root');
if (!element) throw new Error('#root is missing from index.html');
const root = createRoot(element);
const loadApp = () => import('./app/App');

function renderApp(me?: MeResponse): void {
  loadApp()
    .then(({ App, primeSession }) => {
      if (me) primeSession(me);
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    })
    .catch(() => {
      root.render(<p className="nx-load-failed">页面加载失败，请检查网络后刷新页面重试</p>);
    });
}

function renderLogin(): void {
  const next = safeNext(new URLSearchParams(window.location.search).get('next'));
  let entered = false;
  const enter = (me: MeResponse) => {
    if (entered) return;
    entered = true;
    window.history.replaceState(null, '', afterLogin(me, next));
    renderApp(me);
  };
  root.render(
    <StrictMode>
      <LoginScreen onSignedIn={enter} onStartTyping={() => void loadApp().catch(() => {})} />
    </StrictMode>,
  );
  // A session already there (/login bookmarked, or opened in a second tab): straight on.
  fetchMe().then(
    (me) => me && enter(me),
    () => {},
  );
}

// English comes as a chunk: the first render waits for the chosen language's texts.
void i18nReady.then(() => (window.location.pathname === '/login' ? renderLogin() : renderApp()));

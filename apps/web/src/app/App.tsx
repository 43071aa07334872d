import type { MeResponse } from '@ningxin/shared';
import { BrowserRouter } from 'react-router-dom';
import { ME_QUERY_KEY } from '../features/auth/auth.api';
import { AppProviders } from './AppProviders';
import { queryClient } from './queryClient';
import { AppRoutes } from './router';

/** The user the first login (main.tsx) has just signed in: the app starts with it, asking no more. */
export function primeSession(me: MeResponse): void {
  queryClient.setQueryData(ME_QUERY_KEY, me);
}

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}

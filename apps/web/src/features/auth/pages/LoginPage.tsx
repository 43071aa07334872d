import type { MeResponse } from '@ningxin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeNext } from '../../../lib/safeNext';
import { ME_QUERY_KEY } from '../auth.api';
import { afterLogin } from '../login/afterLogin';
import { LoginScreen } from '../login/LoginScreen';
import { useMe } from '../useMe';

/**
 * /login inside the app (after a logout, or a page that needs a session): the plain login screen,
 * leading to the page asked for once signed in. A first visit to /login renders the same screen
 * without the app (main.tsx).
 */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [signingIn, setSigningIn] = useState(false);

  if (me.data && !signingIn) return <Navigate to={afterLogin(me.data, next)} replace />;

  const signedIn = (user: MeResponse) => {
    setSigningIn(true);
    queryClient.removeQueries();
    queryClient.setQueryData(ME_QUERY_KEY, user);
    navigate(afterLogin(user, next), { replace: true });
  };
  return <LoginScreen onSignedIn={signedIn} />;
}

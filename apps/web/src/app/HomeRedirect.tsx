import { Navigate } from 'react-router-dom';
import { useCurrentUser } from '../features/auth/useMe';
import { visibleEntries } from './navigation';

/** '/' opens the first page of the menu the user may see. */
export function HomeRedirect() {
  const me = useCurrentUser();
  const first = visibleEntries(me.permissions)[0];
  return <Navigate to={first?.path ?? '/account'} replace />;
}

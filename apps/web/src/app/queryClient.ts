import { QueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../features/auth/auth.api';
import { isApiError, setSessionHandlers } from '../lib/api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 15_000,
      // A 4xx will answer the same again; retry only network trouble and 5xx, once.
      retry: (failureCount, error) => failureCount < 1 && !(isApiError(error) && error.status < 500),
    },
  },
});

setSessionHandlers({
  // The session is gone: forget the user, and the route guard sends them to /login.
  onUnauthorized: () => queryClient.setQueryData(ME_QUERY_KEY, null),
  // Reloading the user shows mustChangePassword, and the route guard opens the account page.
  onPasswordChangeRequired: () => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
});

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { logout, ME_QUERY_KEY } from './auth.api';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Signed out on the server or not, this browser forgets the session and its data: leave the
      // authenticated layout first, then drop the cache, so nothing renders without a user.
      navigate('/login', { replace: true });
      setTimeout(() => {
        queryClient.clear();
        queryClient.setQueryData(ME_QUERY_KEY, null);
      }, 0);
      // The frame has no antd: its message comes with its first use (the login page has none).
      void import('antd/es/message').then(({ default: message }) => message.success(t('app.loggedOut')));
    },
  });
}

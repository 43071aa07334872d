import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';
import { applyFieldErrors } from './formErrors';

export interface ApiErrorOptions {
  /** Field errors of a 400 go onto this form's items. */
  form?: FormInstance;
  /** Called on 409 VERSION_CONFLICT after telling the user; reload what is shown here. */
  onConflict?: () => void;
}

/** Shows an API error to the user: field messages on the form, the server's message otherwise. */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, options: ApiErrorOptions = {}) => {
      if (!isApiError(error)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      if (error.status === 401) return; // the app is already on its way to /login
      if (error.code === 'VERSION_CONFLICT') {
        message.warning(t('common.versionConflict'));
        options.onConflict?.();
        return;
      }
      if (options.form) applyFieldErrors(options.form, error);
      message.error(error.message);
    },
    [message, t],
  );
}

import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { memberPrintApi } from './memberPrint.api';

/** Downloads member forms (one member, or a selection); tells the user when it is done or failed. */
export function usePrintForms() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  return useMutation({
    mutationFn: (ids: number[]) =>
      ids.length === 1 ? memberPrintApi.form(ids[0]!) : memberPrintApi.forms(ids),
    onSuccess: (fileName) => message.success(t('memberPrint.downloaded', { name: fileName })),
    onError: (error) => onError(error),
  });
}

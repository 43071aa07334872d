import { PrinterOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBER_FORMS_MAX } from './memberPrint.api';
import { usePrintForms } from './usePrintForms';

interface PrintSelectedButtonProps {
  ids: number[];
  onClear: () => void;
}

/** The selected rows' information forms, one member a page, as one PDF download. */
export function PrintSelectedButton({ ids, onClear }: PrintSelectedButtonProps) {
  const { t } = useTranslation();
  const print = usePrintForms();
  const tooMany = ids.length > MEMBER_FORMS_MAX;
  return (
    <>
      <Tooltip title={tooMany ? t('memberPrint.tooMany', { max: MEMBER_FORMS_MAX }) : undefined}>
        <Button
          icon={<PrinterOutlined aria-hidden />}
          loading={print.isPending}
          disabled={tooMany}
          onClick={() => print.mutate(ids)}
        >
          {t('memberPrint.printSelected', { count: ids.length })}
        </Button>
      </Tooltip>
      <Button type="link" onClick={onClear}>
        {t('memberPrint.clearSelection')}
      </Button>
    </>
  );
}

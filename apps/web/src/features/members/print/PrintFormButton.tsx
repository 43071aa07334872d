import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePrintForms } from './usePrintForms';

/** 打印采集表: one member's information form as a PDF download. */
export function PrintFormButton({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const print = usePrintForms();
  return (
    <Button
      icon={<PrinterOutlined aria-hidden />}
      loading={print.isPending}
      onClick={() => print.mutate([memberId])}
    >
      {t('memberPrint.printForm')}
    </Button>
  );
}

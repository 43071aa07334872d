import { ARCHIVE_LOAN_DAYS, type ArchiveItemResponse, addDays, localIsoDate } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { archivesApi, archivesKeys } from '../archives.api';

interface Values {
  borrowerName: string;
  borrowerUnit?: string;
  purpose: string;
  lentOn: string;
  dueOn: string;
}

/** 借出: to whom, why, from when, due back when (30 days later unless changed). */
export function LendModal({ item, onClose }: { item: ArchiveItemResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const lend = useMutation({
    mutationFn: (v: Values) => archivesApi.lend(item!.id, { ...v, borrowerUnit: v.borrowerUnit ?? null }),
    onSuccess: () => {
      message.success(t('archives.lent'));
      void client.invalidateQueries({ queryKey: archivesKeys.all });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const today = localIsoDate(new Date());
  return (
    <Modal
      title={item ? t('archives.lendTitle', { code: item.code }) : ''}
      open={item !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('archives.lend')}
      confirmLoading={lend.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="lend"
        layout="vertical"
        preserve={false}
        initialValues={{ lentOn: today, dueOn: addDays(today, ARCHIVE_LOAN_DAYS) }}
        onFinish={(v) => lend.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="borrowerName" label={t('archives.borrowerName')} rules={required}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="borrowerUnit" label={t('archives.borrowerUnit')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="purpose" label={t('archives.purpose')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="lentOn" label={t('archives.lentOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="dueOn" label={t('archives.dueOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

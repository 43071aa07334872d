import { addMonths, type CertificateCreateInput, localIsoDate } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { MemberSelect } from '../../members/components/MemberSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { certificatesApi, paperKeys } from '../papers.api';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** 签发活动证: the holder (searched), destination, reason and validity. */
export function CertificateIssueDrawer({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateCreateInput>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const today = localIsoDate(new Date());
  const issue = useMutation({
    mutationFn: (values: CertificateCreateInput) => certificatesApi.create(values),
    onSuccess: (c) => {
      message.success(t('papers.certificates.form.issued', { number: c.number }));
      void client.invalidateQueries({ queryKey: paperKeys.certificates });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDrawer<CertificateCreateInput>
      title={t('papers.certificates.issue')}
      open={open}
      onClose={onClose}
      form={form}
      name="certificate-issue"
      initialValues={{ issuedOn: today, validUntil: addMonths(today, 6) }}
      onFinish={(values) => issue.mutate({ ...values, issuingOrgId: values.issuingOrgId ?? undefined })}
      submitting={issue.isPending}
      submitText={t('papers.certificates.issue')}
    >
      <Form.Item name="memberId" label={t('papers.certificates.form.member')} rules={required}>
        <MemberSelect placeholder={t('papers.certificates.form.memberPlaceholder')} />
      </Form.Item>
      <Form.Item name="destination" label={t('papers.certificates.form.destination')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reason" label={t('papers.certificates.form.reason')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="issuingOrgId"
        label={t('papers.certificates.form.issuingOrg')}
        extra={t('papers.certificates.form.issuingOrgHelp')}
      >
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="issuedOn" label={t('papers.certificates.form.issuedOn')} rules={required}>
        <Input type="date" max={today} />
      </Form.Item>
      <Form.Item
        name="validUntil"
        label={t('papers.certificates.form.validUntil')}
        extra={t('papers.certificates.form.validUntilHelp')}
        rules={required}
      >
        <Input type="date" />
      </Form.Item>
    </FormDrawer>
  );
}

import { NewPassword, type RegistrationResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { acceptRegistration, markDuplicate, returnRegistration } from '../registrations.api';

interface AcceptValues {
  orgId?: number;
  joinedAt?: Dayjs | null;
  password: string;
}

/** 接收 / 退回 / 标记重复 for a waiting registration. */
export function RegistrationDecisions({ registration: r }: { registration: RegistrationResponse }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'accept' | 'return' | null>(null);
  const [acceptForm] = Form.useForm<AcceptValues>();
  const [returnForm] = Form.useForm<{ reason: string }>();
  const done = async (text: string) => {
    setOpen(null);
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: ['registrations'] });
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['registrations'] });

  const accept = useMutation({
    mutationFn: (v: AcceptValues) =>
      acceptRegistration(r.id, {
        orgId: v.orgId ?? 0,
        joinedAt: v.joinedAt ? v.joinedAt.format('YYYY-MM-DD') : null,
        password: v.password,
        version: r.version,
      }),
    onSuccess: () => done(t('registrations.review.accepted')),
    onError: (e) => onError(e, { form: acceptForm, onConflict: reload }),
  });
  const giveBack = useMutation({
    mutationFn: (v: { reason: string }) => returnRegistration(r.id, { reason: v.reason, version: r.version }),
    onSuccess: () => done(t('registrations.review.returned')),
    onError: (e) => onError(e, { form: returnForm, onConflict: reload }),
  });
  const duplicate = useMutation({
    mutationFn: () => markDuplicate(r.id, { version: r.version }),
    onSuccess: () => done(t('registrations.review.duplicated')),
    onError: (e) => onError(e, { onConflict: reload }),
  });

  if (!r.policies.decide) return null;
  return (
    <>
      <Space wrap>
        <Button type="primary" onClick={() => setOpen('accept')} disabled={r.existingMember}>
          {t('registrations.review.accept')}
        </Button>
        <Button onClick={() => setOpen('return')}>{t('registrations.review.return')}</Button>
        <Button
          disabled={!r.existingMember}
          onClick={() =>
            modal.confirm({
              title: t('registrations.review.duplicateConfirm'),
              okText: t('registrations.review.duplicate'),
              onOk: () => duplicate.mutateAsync(),
            })
          }
        >
          {t('registrations.review.duplicate')}
        </Button>
      </Space>
      <Modal
        open={open === 'accept'}
        title={t('registrations.review.acceptTitle', { name: r.name })}
        okText={t('registrations.review.accept')}
        onCancel={() => setOpen(null)}
        onOk={() => acceptForm.submit()}
        confirmLoading={accept.isPending}
        destroyOnHidden
      >
        <Form<AcceptValues> form={acceptForm} layout="vertical" onFinish={(v) => accept.mutate(v)}>
          <Form.Item
            label={t('registrations.review.branch')}
            name="orgId"
            rules={[{ required: true, message: t('registrations.review.branchRequired') }]}
          >
            <OrgTreeSelect placeholder={t('registrations.review.branchPlaceholder')} />
          </Form.Item>
          {!r.joinedAt && (
            <Form.Item
              label={t('registrations.form.joinedAt')}
              name="joinedAt"
              rules={[{ required: true, message: t('registrations.review.joinedAtRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          )}
          <Form.Item
            label={t('registrations.review.password')}
            name="password"
            extra={t('registrations.review.passwordHint', { phone: r.phoneMasked })}
            rules={[
              { required: true, message: t('registrations.review.passwordRequired') },
              schemaRule(NewPassword),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'return'}
        title={t('registrations.review.returnTitle', { name: r.name })}
        okText={t('registrations.review.return')}
        onCancel={() => setOpen(null)}
        onOk={() => returnForm.submit()}
        confirmLoading={giveBack.isPending}
        destroyOnHidden
      >
        <Form form={returnForm} layout="vertical" onFinish={(v) => giveBack.mutate(v)}>
          <Form.Item
            label={t('registrations.review.reason')}
            name="reason"
            extra={t('registrations.review.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('registrations.review.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

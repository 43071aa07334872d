import {
  MEMBER_REPORT_KIND_LABELS,
  MEMBER_REPORT_KINDS,
  MemberReportCreateBody,
  type MemberReportKind,
  type MemberReportResponse,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { reportKeys, reportsApi } from '../reflections.api';

interface Values {
  year: number;
  kind: MemberReportKind;
  title: string;
  body?: string;
}

/** 提交 / 修改思想汇报、情况报告: text here; a file is uploaded on the report's page. */
export function ReportFormDrawer({
  open,
  onClose,
  editing,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  editing?: MemberReportResponse | null;
  onSaved?: (r: MemberReportResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const year = new Date().getFullYear();
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? reportsApi.update(editing.id, { title: v.title, body: v.body ?? null, version: editing.version })
        : reportsApi.create({ year: v.year, kind: v.kind, title: v.title, body: v.body ?? null }),
    onSuccess: (saved) => {
      message.success(editing ? t('reflections.reports.form.saved') : t('reflections.reports.form.created'));
      void client.invalidateQueries({ queryKey: reportKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) =>
      onError(error, { form, onConflict: () => void client.invalidateQueries({ queryKey: reportKeys.all }) }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDrawer<Values>
      title={editing ? t('reflections.reports.form.editTitle') : t('reflections.reports.form.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      name="member-report"
      width={640}
      initialValues={
        editing
          ? { year: editing.year, kind: editing.kind, title: editing.title, body: editing.body ?? undefined }
          : { year, kind: 'thought', title: `${year}年度${MEMBER_REPORT_KIND_LABELS.thought}` }
      }
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="year" label={t('reflections.reports.form.year')} rules={required}>
        <Select
          disabled={!!editing}
          options={[year, year - 1].map((y) => ({
            value: y,
            label: t('reflections.reports.yearOf', { year: y }),
          }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('reflections.reports.form.kind')} rules={required}>
        <Select
          disabled={!!editing}
          options={MEMBER_REPORT_KINDS.map((k) => ({ value: k, label: MEMBER_REPORT_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('reflections.reports.form.title')}
        rules={[...required, schemaRule(MemberReportCreateBody.shape.title)]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('reflections.reports.form.body')}
        extra={t('reflections.reports.form.bodyHelp')}
      >
        <Input.TextArea rows={10} maxLength={20000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}

import {
  REFLECTION_SUBJECT_TYPES,
  ReflectionCreateBody,
  type ReflectionResponse,
  type ReflectionSubjectType,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { reflectionKeys, reflectionsApi } from '../reflections.api';

interface Values {
  subject?: string;
  title: string;
  body: string;
}

/** 写心得 / 修改心得: a new one picks what it is about; an edit of a returned one submits it again. */
export function ReflectionFormDrawer({
  open,
  onClose,
  editing,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  editing?: ReflectionResponse | null;
  onSaved?: (r: ReflectionResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const subjects = useQuery({
    queryKey: reflectionKeys.subjects,
    queryFn: reflectionsApi.subjects,
    enabled: open && !editing,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (editing)
        return reflectionsApi.update(editing.id, { title: v.title, body: v.body, version: editing.version });
      const [type, id] = (v.subject ?? '').split(':');
      return reflectionsApi.create({
        subjectType: type as ReflectionSubjectType,
        subjectId: Number(id),
        title: v.title,
        body: v.body,
      });
    },
    onSuccess: (saved) => {
      message.success(editing ? t('reflections.form.saved') : t('reflections.form.created'));
      void client.invalidateQueries({ queryKey: reflectionKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) =>
      onError(error, {
        form,
        onConflict: () => void client.invalidateQueries({ queryKey: reflectionKeys.all }),
      }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const groups = REFLECTION_SUBJECT_TYPES.map((type) => {
    const items = (subjects.data?.items ?? []).filter((s) => s.type === type);
    return {
      label: items[0]?.typeLabel ?? type,
      options: items.map((s) => ({
        value: `${s.type}:${s.id}`,
        label: s.date ? `${s.title}（${s.date}）` : s.title,
      })),
    };
  }).filter((g) => g.options.length > 0);

  return (
    <FormDrawer<Values>
      title={editing ? t('reflections.form.editTitle') : t('reflections.form.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      name="reflection"
      width={640}
      initialValues={editing ? { title: editing.title, body: editing.body } : {}}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
      submitText={
        editing
          ? editing.state === 'returned'
            ? t('reflections.form.resubmit')
            : t('common.save')
          : t('reflections.form.submit')
      }
    >
      {editing ? null : (
        <Form.Item
          name="subject"
          label={t('reflections.form.subject')}
          extra={t('reflections.form.subjectHelp')}
          rules={required}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={subjects.isPending}
            options={groups}
            notFoundContent={t('reflections.form.noSubjects')}
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('reflections.form.title')}
        rules={[...required, schemaRule(ReflectionCreateBody.shape.title)]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('reflections.form.body')}
        rules={[...required, schemaRule(ReflectionCreateBody.shape.body)]}
      >
        <Input.TextArea rows={10} maxLength={20000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}

import {
  localIsoDate,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectDetailResponse,
  type ProjectStage,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { hometownApi, hometownKeys } from '../hometown.api';

/** 阶段记录: the history of a project's stages, and the change to a next one. */
export function ProjectStages({ project }: { project: ProjectDetailResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm<{ stage: ProjectStage; onDate: string; note?: string }>();
  const change = useMutation({
    mutationFn: (v: { stage: ProjectStage; onDate: string; note?: string }) =>
      hometownApi.changeStage(project.id, { ...v, note: v.note ?? null, version: project.version }),
    onSuccess: (saved) => {
      message.success(t('hometown.projects.stageSaved'));
      client.setQueryData(hometownKeys.project(project.id), saved);
      void client.invalidateQueries({ queryKey: hometownKeys.all });
      form.resetFields(['note']);
    },
    onError: (error) =>
      onError(error, {
        form,
        onConflict: () => void client.invalidateQueries({ queryKey: hometownKeys.project(project.id) }),
      }),
  });
  const next = PROJECT_STAGES[PROJECT_STAGES.indexOf(project.stage) + 1] ?? project.stage;
  return (
    <Card size="small" title={t('hometown.projects.stages')}>
      <Timeline
        items={project.stages.map((s) => ({
          key: s.id,
          content: `${s.onDate} ${s.stageLabel}${s.note ? `：${s.note}` : ''}`,
        }))}
      />
      {project.policies.edit ? (
        <Form
          form={form}
          name="project-stage"
          layout="inline"
          initialValues={{ stage: next, onDate: localIsoDate(new Date()) }}
          onFinish={(v) => change.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="stage" label={t('hometown.projects.stageTo')}>
              <Select
                style={{ minWidth: 100 }}
                options={PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }))}
              />
            </Form.Item>
            <Form.Item
              name="onDate"
              label={t('hometown.projects.stageDate')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item name="note" label={t('hometown.projects.stageNote')}>
              <Input maxLength={500} />
            </Form.Item>
            <Button htmlType="submit" loading={change.isPending}>
              {t('hometown.projects.changeStage')}
            </Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectDetailResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { hometownApi, hometownKeys } from '../hometown.api';
import { moneyPattern, wanInput } from '../money';

interface YearValues {
  year: number;
  outputWan: string;
  taxWan: string;
  jobs: number;
}

/** 年度数据: a project's output and tax (万元) and jobs per year, saved together. */
export function ProjectYears({ project }: { project: ProjectDetailResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm<{ years: YearValues[] }>();
  const save = useMutation({
    mutationFn: (v: { years: YearValues[] }) =>
      hometownApi.setYears(project.id, { years: v.years ?? [], version: project.version }),
    onSuccess: (saved) => {
      message.success(t('hometown.projects.yearsSaved'));
      client.setQueryData(hometownKeys.project(project.id), saved);
      void client.invalidateQueries({ queryKey: hometownKeys.all });
    },
    onError: (error) =>
      onError(error, {
        form,
        onConflict: () => void client.invalidateQueries({ queryKey: hometownKeys.project(project.id) }),
      }),
  });
  const money = [
    { required: true, message: t('common.required') },
    { pattern: moneyPattern(6), message: t('hometown.moneyHelp', { unit: t('hometown.wan') }) },
  ];
  const edit = project.policies.edit;
  return (
    <Card size="small" title={t('hometown.projects.years')}>
      <Form
        form={form}
        name="project-years"
        key={project.version}
        disabled={!edit}
        initialValues={{
          years: project.years.map((y) => ({
            year: y.year,
            outputWan: wanInput(y.outputFen),
            taxWan: wanInput(y.taxFen),
            jobs: y.jobs,
          })),
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.List name="years">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item
                    name={[f.name, 'year']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber
                      aria-label={t('hometown.projects.yearCol.year')}
                      placeholder={t('hometown.projects.yearCol.year')}
                      min={2000}
                      max={2199}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'outputWan']} rules={money}>
                    <Input
                      aria-label={t('hometown.projects.yearCol.output')}
                      placeholder={t('hometown.projects.yearCol.output')}
                      inputMode="decimal"
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'taxWan']} rules={money}>
                    <Input
                      aria-label={t('hometown.projects.yearCol.tax')}
                      placeholder={t('hometown.projects.yearCol.tax')}
                      inputMode="decimal"
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'jobs']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber
                      aria-label={t('hometown.projects.yearCol.jobs')}
                      placeholder={t('hometown.projects.yearCol.jobs')}
                      min={0}
                    />
                  </Form.Item>
                  {edit ? (
                    <Button
                      aria-label={t('hometown.delete')}
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(f.name)}
                    />
                  ) : null}
                </Space>
              ))}
              {edit ? (
                <Space>
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() =>
                      add({ year: new Date().getFullYear(), outputWan: '0', taxWan: '0', jobs: 0 })
                    }
                  >
                    {t('hometown.projects.addYear')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.isPending}>
                    {t('hometown.projects.saveYears')}
                  </Button>
                </Space>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

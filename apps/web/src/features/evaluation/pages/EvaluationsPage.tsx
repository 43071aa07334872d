import { PlusOutlined } from '@ant-design/icons';
import type { EvaluationRoundResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../../components/FormDrawer';
import { LoadError } from '../../../components/LoadError';
import { isApiError } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/formErrors';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { hasPermission } from '../../auth/auth.api';
import { useMe } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { evaluationApi, evaluationKeys } from '../evaluation.api';

const thisYear = new Date().getFullYear();
const YEARS = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

interface CreateValues {
  orgId: number;
  year: number;
  title?: string;
  opensOn: Dayjs;
  closesOn: Dayjs;
}

/** 民主评议 (desk): the rounds of a year in the actor's scope, their step and figures. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const onError = useApiErrorHandler();
  const me = useMe();
  const [year, setYear] = useState(thisYear);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const list = useQuery({ queryKey: evaluationKeys.list(year), queryFn: () => evaluationApi.list(year) });
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      evaluationApi.create({
        orgId: v.orgId,
        year: v.year,
        ...(v.title ? { title: v.title } : {}),
        opensOn: v.opensOn.format('YYYY-MM-DD'),
        closesOn: v.closesOn.format('YYYY-MM-DD'),
      }),
    onSuccess: (r) => {
      message.success(t('evaluation.list.form.created'));
      void client.invalidateQueries({ queryKey: evaluationKeys.all });
      setCreating(false);
      navigate(`/evaluations/${r.id}`);
    },
    onError: (e) => {
      if (isApiError(e) && applyFieldErrors(form, e)) return;
      onError(e);
    },
  });
  const columns: TableColumnsType<EvaluationRoundResponse> = [
    {
      title: t('evaluation.list.col.org'),
      render: (_, r) => <Link to={`/evaluations/${r.id}`}>{r.org.name}</Link>,
    },
    { title: t('evaluation.list.col.title'), dataIndex: 'title', responsive: ['lg'] },
    { title: t('evaluation.list.col.state'), width: 110, render: (_, r) => <Tag>{r.stateLabel}</Tag> },
    { title: t('evaluation.list.col.participants'), width: 70, align: 'right', dataIndex: 'participants' },
    {
      title: t('evaluation.list.col.voted'),
      width: 90,
      align: 'right',
      render: (_, r) => r.voted + r.codesUsed,
    },
    {
      title: t('evaluation.list.col.grades'),
      render: (_, r) => (r.state === 'decided' ? t('evaluation.list.gradesShort', r.grades) : null),
    },
    {
      title: t('evaluation.list.col.appeals'),
      width: 90,
      align: 'right',
      render: (_, r) => r.openAppeals || null,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page" data-testid="evaluations">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('evaluation.list.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Select<number>
            aria-label={t('evaluation.list.year')}
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: `${y}` }))}
          />
          {hasPermission(me.data, 'evaluation.manage') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('evaluation.list.create')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<EvaluationRoundResponse>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            size="middle"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('evaluation.list.empty') }}
          />
        )}
      </Card>
      <FormDrawer<CreateValues>
        title={t('evaluation.list.create')}
        open={creating}
        onClose={() => setCreating(false)}
        form={form}
        initialValues={{ year }}
        onFinish={(v) => create.mutate(v)}
        submitting={create.isPending}
      >
        <Form.Item
          name="orgId"
          label={t('evaluation.list.form.org')}
          extra={t('evaluation.list.form.orgHelp')}
          rules={[{ required: true }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="year" label={t('evaluation.list.form.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t('evaluation.list.form.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="opensOn" label={t('evaluation.list.form.opensOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="closesOn" label={t('evaluation.list.form.closesOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </FormDrawer>
    </Flex>
  );
}

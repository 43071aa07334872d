import {
  categoryHasIncome,
  DUES_CATEGORIES,
  DUES_CATEGORY_LABELS,
  type DuesBaseListItem,
  type DuesCategory,
  displayFen,
  formatFen,
  localIsoDate,
  monthLabel,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useYearOrgParams } from '../../../lib/useYearOrgParams';
import { useCurrentUser } from '../../auth/useMe';
import { YearOrgFilters } from '../../orgs/components/YearOrgFilters';
import { duesApi, duesKeys } from '../dues.api';

interface Values {
  category: DuesCategory;
  incomeYuan?: string;
  declaredOn: string;
  fromMonth?: string;
}

/** 党费基数: the members of an org with their base for the year; declare or change one. */
export function DuesBasesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const canWrite = useCurrentUser().permissions.includes('dues.write');
  const filter = useYearOrgParams();
  const { year, orgId } = filter;
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState<DuesBaseListItem | null>(null);
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form);
  // Each member's form starts afresh (the form keeps the last member's values otherwise).
  useEffect(() => {
    if (editing) form.resetFields();
  }, [editing, form]);
  const list = useKeysetPages(duesKeys.bases(orgId, year, missing), (cursor, signal) =>
    duesApi.bases(orgId, year, missing, cursor, signal),
  );
  const save = useMutation({
    mutationFn: (v: Values) => {
      const content = {
        category: v.category,
        incomeYuan: categoryHasIncome(v.category) ? (v.incomeYuan ?? '') : null,
        declaredOn: v.declaredOn,
        ...(v.fromMonth ? { fromMonth: v.fromMonth } : {}),
      };
      const base = editing!.base;
      return base
        ? duesApi.updateBase(base.id, { ...content, version: base.version })
        : duesApi.createBase({ ...content, memberId: editing!.memberId, year });
    },
    onSuccess: () => {
      message.success(t('dues.bases.saved'));
      void client.invalidateQueries({ queryKey: duesKeys.all });
      setEditing(null);
    },
    onError: (error) => onError(error, { form }),
  });
  const columns: TableColumnsType<DuesBaseListItem> = [
    { title: t('dues.bases.col.name'), dataIndex: 'memberName' },
    { title: t('dues.bases.col.org'), render: (_, r) => r.org.name, responsive: ['md'] },
    {
      title: t('dues.bases.col.category'),
      render: (_, r) => (r.base ? r.base.categoryLabel : t('dues.bases.none')),
    },
    {
      title: t('dues.bases.col.income'),
      align: 'right',
      render: (_, r) => (r.base?.incomeFen != null ? displayFen(r.base.incomeFen, 'yuan') : '—'),
    },
    {
      title: t('dues.bases.col.monthly'),
      align: 'right',
      render: (_, r) => (r.base ? displayFen(r.base.monthlyFen, 'yuan') : '—'),
    },
    {
      title: t('dues.bases.col.from'),
      render: (_, r) => (r.base ? monthLabel(r.base.fromMonth) : '—'),
      responsive: ['md'],
    },
    ...(canWrite
      ? [
          {
            title: '',
            width: 80,
            render: (_: unknown, r: DuesBaseListItem) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {r.base ? t('dues.bases.edit') : t('dues.bases.declare')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const totals = list.data?.totals;
  const base = editing?.base;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('dues.bases.title')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <YearOrgFilters filter={filter} yearLabel={t('dues.year')} orgLabel={t('dues.org')} />
        <Checkbox checked={missing} onChange={(e) => setMissing(e.target.checked)}>
          {t('dues.bases.missingOnly')}
        </Checkbox>
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <Table<DuesBaseListItem>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
          />
          <KeysetPager
            totalText={totals ? t('dues.bases.totals', totals) : undefined}
            page={list.page}
            hasPrev={list.hasPrev}
            hasNext={list.hasNext}
            loading={list.isFetching}
            onPrev={list.prev}
            onNext={list.next}
          />
        </Card>
      )}
      <FormDrawer<Values>
        title={editing ? t('dues.bases.formTitle', { year, name: editing.memberName }) : ''}
        open={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        name="dues-base"
        initialValues={
          base
            ? {
                category: base.category,
                incomeYuan: base.incomeFen === null ? undefined : formatFen(base.incomeFen, 'yuan'),
                declaredOn: base.declaredOn,
                fromMonth: base.fromMonth,
              }
            : { category: 'salaried', declaredOn: localIsoDate(new Date()) }
        }
        onFinish={(v) => save.mutate(v)}
        submitting={save.isPending}
      >
        <Form.Item name="category" label={t('dues.bases.category')} rules={[{ required: true }]}>
          <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        {category && categoryHasIncome(category) ? (
          <Form.Item
            name="incomeYuan"
            label={t('dues.bases.income')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        ) : null}
        <Form.Item name="fromMonth" label={t('dues.bases.fromMonth')}>
          <Input type="month" />
        </Form.Item>
        <Form.Item name="declaredOn" label={t('dues.bases.declaredOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormDrawer>
    </Flex>
  );
}

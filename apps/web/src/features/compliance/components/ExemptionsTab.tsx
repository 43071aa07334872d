import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ExemptionResponse,
  REQUIRED_MEETING_LABELS,
  REQUIRED_MEETINGS,
  type RequiredMeeting,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { complianceApi, complianceKeys } from '../compliance.api';

/** The exemptions tab: the list, and adding or removing one (meeting.write). */
export function ExemptionsTab({ orgId }: { orgId: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const me = useCurrentUser();
  const canWrite = me.permissions.includes('meeting.write');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: complianceKeys.exemptions(orgId),
    queryFn: () => complianceApi.exemptions(orgId),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: complianceKeys.all });
  const create = useMutation({
    mutationFn: (v: Record<string, string | number | undefined>) =>
      complianceApi.createExemption({
        orgId: v.orgId as number,
        type: v.type as RequiredMeeting,
        fromOn: v.fromOn as string,
        untilOn: (v.untilOn as string) || null,
        reason: (v.reason as string) ?? '',
      }),
    onSuccess: () => {
      message.success(t('compliance.exemptions.created'));
      setAdding(false);
      form.resetFields();
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => complianceApi.deleteExemption(id),
    onSuccess: () => {
      message.success(t('compliance.exemptions.removed'));
      refresh();
    },
    onError: (error) => onError(error),
  });
  const columns: TableColumnsType<ExemptionResponse> = [
    { title: t('compliance.exemptions.org'), dataIndex: 'orgName' },
    { title: t('compliance.exemptions.type'), render: (_, e) => REQUIRED_MEETING_LABELS[e.type] },
    {
      title: `${t('compliance.exemptions.from')} ~ ${t('compliance.exemptions.until')}`,
      render: (_, e) => `${e.fromOn} ~ ${e.untilOn ?? t('compliance.exemptions.untilOpen')}`,
    },
    { title: t('compliance.exemptions.reason'), dataIndex: 'reason', responsive: ['md'] },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, e: ExemptionResponse) => (
              <Popconfirm
                title={t('compliance.exemptions.removeConfirm')}
                onConfirm={() => remove.mutate(e.id)}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
                  {t('compliance.exemptions.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('compliance.exemptions.rule')}</Typography.Text>
        {canWrite ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('compliance.exemptions.add')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ExemptionResponse>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('compliance.exemptions.empty') }}
        />
      )}
      <Modal
        title={t('compliance.exemptions.add')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ orgId }}>
          <Form.Item name="orgId" label={t('compliance.exemptions.org')}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="type" label={t('compliance.exemptions.type')}>
            <Select
              options={REQUIRED_MEETINGS.map((m) => ({ value: m, label: REQUIRED_MEETING_LABELS[m] }))}
            />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="fromOn" label={t('compliance.exemptions.from')} style={{ flex: 1 }}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="untilOn" label={t('compliance.exemptions.until')} style={{ flex: 1 }}>
              <Input type="date" />
            </Form.Item>
          </Flex>
          <Form.Item name="reason" label={t('compliance.exemptions.reason')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

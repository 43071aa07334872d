import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  addMonths,
  CERTIFICATE_STATUSES,
  type CertificateResponse,
  type CertificateStatus,
  localIsoDate,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Flex,
  type FormInstance,
  Input,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PagedRecords } from '../../../components/PagedRecords';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { CertificateIssueDrawer } from '../components/CertificateIssueDrawer';
import { type CertificateFilters, certificatesApi, paperKeys } from '../papers.api';

const STATUS_COLORS: Record<CertificateStatus, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  revoked: 'default',
  superseded: 'blue',
};

const isStatus = (v: string | null): v is CertificateStatus =>
  v !== null && (CERTIFICATE_STATUSES as readonly string[]).includes(v);

/** 活动证台账: the certificates in the user's scope, filtered; issue, renew, revoke, print, export. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const me = useCurrentUser();
  const canWrite = me.permissions.includes('certificate.write');
  const canExport = me.permissions.includes('member.export');
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const [filters, setFilters] = useState<CertificateFilters>({
    status: isStatus(status) ? status : undefined,
  });
  const [issuing, setIssuing] = useState(false);
  const [renewing, setRenewing] = useState<CertificateResponse | null>(null);
  const [revoking, setRevoking] = useState<CertificateResponse | null>(null);
  const list = useKeysetPages(paperKeys.certificateList(filters), (cursor, signal) =>
    certificatesApi.list(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<CertificateFilters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    if ('status' in patch) setParams(next.status ? { status: next.status } : {}, { replace: true });
  };
  const refresh = () => void client.invalidateQueries({ queryKey: paperKeys.certificates });

  const pdf = useMutation({
    mutationFn: (id: number) => certificatesApi.pdf(id),
    onSuccess: (name) => message.success(t('papers.certificates.downloaded', { name })),
    onError: (error) => onError(error),
  });
  const renew = useMutation({
    mutationFn: ({
      c,
      values,
    }: {
      c: CertificateResponse;
      values: Record<string, string>;
      form: FormInstance;
    }) =>
      certificatesApi.renew(c.id, {
        validUntil: values.validUntil!,
        ...(values.destination ? { destination: values.destination } : {}),
        version: c.version,
      }),
    onSuccess: (c) => {
      message.success(t('papers.certificates.renewed', { number: c.number }));
      setRenewing(null);
      refresh();
    },
    onError: (error, { form }) => onError(error, { form, onConflict: refresh }),
  });
  const revoke = useMutation({
    mutationFn: ({ c, reason }: { c: CertificateResponse; reason: string; form: FormInstance }) =>
      certificatesApi.revoke(c.id, { reason, version: c.version }),
    onSuccess: () => {
      message.success(t('papers.certificates.revoked'));
      setRevoking(null);
      refresh();
    },
    onError: (error, { form }) => onError(error, { form, onConflict: refresh }),
  });

  const actionsOf = (c: CertificateResponse) => (
    <Space size={0} wrap>
      {c.policies.print ? (
        <Button
          type="link"
          size="small"
          icon={<PrinterOutlined aria-hidden />}
          loading={pdf.isPending && pdf.variables === c.id}
          onClick={() => pdf.mutate(c.id)}
        >
          {t('papers.certificates.pdf')}
        </Button>
      ) : null}
      {c.policies.renew ? (
        <Button type="link" size="small" onClick={() => setRenewing(c)}>
          {t('papers.certificates.renew')}
        </Button>
      ) : null}
      {c.policies.revoke ? (
        <Button type="link" size="small" danger onClick={() => setRevoking(c)}>
          {t('papers.certificates.revoke')}
        </Button>
      ) : null}
    </Space>
  );

  const columns: TableColumnsType<CertificateResponse> = [
    {
      title: t('papers.certificates.col.number'),
      dataIndex: 'number',
      render: (number: string, c) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{number}</Typography.Text>
          <Typography.Text type="secondary">
            <Link to={`/members/${c.member.id}`}>{c.member.name}</Link> · {c.member.idMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('papers.certificates.col.issuingOrg'),
      responsive: ['lg'],
      render: (_, c) => c.issuingOrg.name,
    },
    {
      title: t('papers.certificates.col.destination'),
      dataIndex: 'destination',
      responsive: ['md'],
    },
    {
      title: t('papers.certificates.col.validity'),
      width: 190,
      render: (_, c) => (
        <Flex vertical gap={0}>
          <span>
            {c.issuedOn} ~ {c.validUntil}
          </span>
          {c.status === 'expiring' ? (
            <Typography.Text type="warning">
              {t('papers.certificates.daysLeft', { days: c.daysLeft })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('papers.certificates.col.status'),
      width: 96,
      render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>,
    },
    {
      title: t('common.actions'),
      width: 200,
      render: (_, c) => actionsOf(c),
    },
  ];

  const today = localIsoDate(new Date());
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('papers.certificates.title')}
        </Typography.Title>
        <Space wrap>
          {canExport ? (
            <Button icon={<DownloadOutlined aria-hidden />} href={certificatesApi.exportUrl(filters)}>
              {t('papers.certificates.export')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setIssuing(true)}>
              {t('papers.certificates.issue')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <Select<CertificateStatus | ''>
          aria-label={t('papers.certificates.col.status')}
          style={{ minWidth: 140 }}
          value={filters.status ?? ''}
          onChange={(v) => setFilter({ status: v || undefined })}
          options={[
            { value: '', label: t('papers.certificates.allStatuses') },
            ...CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`papers.certificates.status.${s}`) })),
          ]}
        />
        <OrgTreeSelect
          aria-label={t('papers.certificates.org')}
          placeholder={t('papers.certificates.org')}
          style={{ minWidth: 220 }}
          value={filters.orgId}
          onChange={(v) => setFilter({ orgId: v ?? undefined })}
        />
        <Input.Search
          allowClear
          placeholder={t('papers.certificates.search')}
          aria-label={t('papers.certificates.search')}
          style={{ maxWidth: 240 }}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
      </Flex>
      <PagedRecords
        list={list}
        columns={columns}
        empty={t('papers.certificates.empty')}
        card={(c) => ({
          title: c.number,
          tag: <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>,
          lines: [
            `${c.member.name} · ${c.member.idMasked}`,
            `${c.issuingOrg.name} → ${c.destination}`,
            `${c.issuedOn} ~ ${c.validUntil}${c.status === 'expiring' ? `（${t('papers.certificates.daysLeft', { days: c.daysLeft })}）` : ''}`,
          ],
          actions: actionsOf(c),
        })}
      />
      <CertificateIssueDrawer open={issuing} onClose={() => setIssuing(false)} />
      <ReasonModal
        title={renewing ? t('papers.certificates.renewTitle', { number: renewing.number }) : ''}
        open={renewing !== null}
        fields={[
          { name: 'validUntil', label: t('papers.certificates.form.validUntil'), kind: 'date' },
          {
            name: 'destination',
            label: t('papers.certificates.form.destination'),
            kind: 'text',
            required: false,
          },
        ]}
        initialValues={{ validUntil: addMonths(today, 6), destination: renewing?.destination }}
        submitting={renew.isPending}
        okText={t('papers.certificates.renew')}
        onCancel={() => setRenewing(null)}
        onSubmit={(values, form) => renewing && renew.mutate({ c: renewing, values, form })}
      />
      <ReasonModal
        title={revoking ? t('papers.certificates.revokeTitle', { number: revoking.number }) : ''}
        open={revoking !== null}
        fields={[{ name: 'reason', label: t('papers.certificates.revokeReason'), kind: 'text' }]}
        submitting={revoke.isPending}
        okText={t('papers.certificates.revoke')}
        danger
        onCancel={() => setRevoking(null)}
        onSubmit={(values, form) => revoking && revoke.mutate({ c: revoking, reason: values.reason!, form })}
      />
    </Flex>
  );
}

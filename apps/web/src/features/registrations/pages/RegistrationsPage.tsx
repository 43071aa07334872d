import { FilePdfOutlined } from '@ant-design/icons';
import {
  REGISTRATION_STATE_LABELS,
  REGISTRATION_STATES,
  type RegistrationListItem,
  type RegistrationState,
} from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { RegistrationDecisions } from '../components/RegistrationDecisions';
import { fetchRegistration, fetchRegistrations, posterUrl } from '../registrations.api';

const isState = (s: string | null): s is RegistrationState =>
  s !== null && (REGISTRATION_STATES as readonly string[]).includes(s);

function WaitingTag({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={days > 7 ? 'red' : days > 3 ? 'orange' : 'default'}>
      {t('registrations.review.days', { days })}
    </Tag>
  );
}

/** 登记审核: the self-registrations waiting for the user's committees, with their decisions. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const state: RegistrationState = isState(params.get('state'))
    ? (params.get('state') as RegistrationState)
    : 'submitted';
  const list = useKeysetPages(['registrations', 'list', state], (cursor, signal) =>
    fetchRegistrations({ state, limit: 20, ...(cursor ? { cursor } : {}) }, signal),
  );
  const openId = id && /^\d+$/.test(id) ? Number(id) : null;
  const detail = useQuery({
    queryKey: ['registrations', 'one', openId],
    queryFn: () => fetchRegistration(openId!),
    enabled: openId !== null,
  });
  const open = (rid: number) =>
    navigate(`/registrations/${rid}${state === 'submitted' ? '' : `?state=${state}`}`);
  const close = () => navigate(`/registrations${state === 'submitted' ? '' : `?state=${state}`}`);

  const columns = [
    { title: t('registrations.form.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('registrations.form.idNumber'),
      dataIndex: 'idNumberMasked',
      key: 'id',
      responsive: ['lg' as const],
    },
    {
      title: t('registrations.form.phone'),
      dataIndex: 'phoneMasked',
      key: 'phone',
      responsive: ['md' as const],
    },
    {
      title: t('registrations.review.homeCounty'),
      dataIndex: 'homeCountyName',
      key: 'home',
      responsive: ['lg' as const],
    },
    {
      title: t('registrations.review.hostDistrict'),
      dataIndex: 'hostDistrictName',
      key: 'host',
      responsive: ['md' as const],
    },
    {
      title: t('registrations.review.reviewOrg'),
      dataIndex: 'reviewOrgName',
      key: 'org',
      responsive: ['xl' as const],
    },
    {
      title: t('registrations.review.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'at',
      responsive: ['md' as const],
      render: (v: string) => fmt.dateTime(v),
    },
    {
      title: t('registrations.review.waiting'),
      dataIndex: 'daysWaiting',
      key: 'days',
      render: (d: number) => <WaitingTag days={d} />,
    },
    {
      title: '',
      key: 'open',
      render: (_: unknown, r: RegistrationListItem) => (
        <Button size="small" type="link" onClick={() => open(r.id)}>
          {state === 'submitted' ? t('registrations.review.review') : t('registrations.review.view')}
        </Button>
      ),
    },
  ];

  const r = detail.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.registrations')}
        </Typography.Title>
        <Button icon={<FilePdfOutlined aria-hidden />} href={posterUrl()} target="_blank">
          {t('registrations.review.poster')}
        </Button>
      </Flex>
      <Tabs
        activeKey={state}
        onChange={(k) => setParams(k === 'submitted' ? {} : { state: k })}
        items={REGISTRATION_STATES.map((s) => ({ key: s, label: REGISTRATION_STATE_LABELS[s] }))}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<RegistrationListItem>
          rowKey="id"
          size={screens.md ? 'middle' : 'small'}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={false}
          onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
          locale={{ emptyText: t('registrations.review.empty') }}
        />
      )}
      <KeysetPager
        totalText={undefined}
        page={list.page}
        hasPrev={list.hasPrev}
        hasNext={list.hasNext}
        loading={list.isFetching}
        onPrev={list.prev}
        onNext={list.next}
      />
      <Drawer
        open={openId !== null}
        onClose={close}
        title={r ? `${r.name}（${REGISTRATION_STATE_LABELS[r.state]}）` : t('registrations.review.detail')}
        size={screens.md ? 560 : '100%'}
        loading={detail.isPending && openId !== null}
        extra={r ? <RegistrationDecisions registration={r} /> : null}
      >
        {detail.isError && <LoadError error={detail.error} onRetry={() => void detail.refetch()} />}
        {r && (
          <Flex vertical gap={12}>
            {r.existingMember && (
              <Alert type="warning" showIcon title={t('registrations.review.existingMember')} />
            )}
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('registrations.review.waiting')}>
                <WaitingTag days={r.daysWaiting} />
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.form.idNumber')}>
                {r.idNumberMasked}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.form.phone')}>{r.phoneMasked}</Descriptions.Item>
              <Descriptions.Item label={t('registrations.review.birthDate')}>
                {r.birthDate ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.review.homeCounty')}>
                {r.homeCountyName}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.form.homeOrg')}>{r.homeOrg}</Descriptions.Item>
              <Descriptions.Item label={t('registrations.form.joinedAt')}>
                {r.joinedAt ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.review.hostDistrict')}>
                {r.hostDistrictName}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.form.hostAddress')}>
                {r.hostAddress}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.form.employer')}>
                {r.employer ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.review.reviewOrg')}>
                {r.reviewOrgName}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.review.submittedAt')}>
                {fmt.dateTime(r.submittedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('registrations.review.consent')}>
                {t('registrations.review.consentGiven', {
                  at: fmt.dateTime(r.consentAt),
                  version: r.consentVersion,
                })}
              </Descriptions.Item>
              {r.decidedAt && (
                <Descriptions.Item label={t('registrations.review.decided')}>
                  {fmt.dateTime(r.decidedAt)} {r.decidedByName ?? ''}
                </Descriptions.Item>
              )}
              {r.reason && (
                <Descriptions.Item label={t('registrations.review.reason')}>{r.reason}</Descriptions.Item>
              )}
              {r.member && (
                <Descriptions.Item label={t('registrations.review.member')}>
                  <Typography.Link onClick={() => navigate(`/members/${r.member!.id}`)}>
                    {r.member.name}（{r.member.orgName}）
                  </Typography.Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Flex>
        )}
      </Drawer>
    </Flex>
  );
}

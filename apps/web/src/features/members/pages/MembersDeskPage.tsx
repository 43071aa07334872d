import { FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { lazyNamed } from '../../../app/lazyNamed';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useCurrentUser } from '../../auth/useMe';
import { ColumnChooser } from '../components/ColumnChooser';
import { MemberExportButton } from '../components/MemberExportButton';
import { DEFAULT_HIDDEN_COLUMNS, MEMBER_COLUMN_KEYS } from '../memberColumns';
import { DEFAULT_ORDER, DEFAULT_SORT } from '../memberFilters';
import { PrintSelectedButton } from '../print/PrintSelectedButton';
import { useColumnPrefs } from '../useColumnPrefs';
import { useMemberFilters } from '../useMemberFilters';
import { useMemberList } from '../useMemberList';

// Each part loads when it shows: the table, the filter form and the new-member drawer when opened
// (their selects and date pickers are most of the page's script).
const MemberTable = lazyNamed(() => import('../components/MemberTable'), 'MemberTable');
const MemberFilterPanel = lazyNamed(() => import('../components/MemberFilterPanel'), 'MemberFilterPanel');
const NewMemberDrawer = lazyNamed(() => import('../components/NewMemberDrawer'), 'NewMemberDrawer');

/**
 * 党员信息库 at a desk, in antd (loaded after the plain page chose it, ./MembersPage.tsx): search,
 * filters in the URL, the table with its column chooser, sort and tick boxes, keyset pages, actions.
 */
export function MembersDeskPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = (p: (typeof me.permissions)[number]) => me.permissions.includes(p);
  const navigate = useNavigate();
  const { params, filters, filterCount, setFilters } = useMemberFilters();
  // Until the user toggles it, the panel is open when the URL carries filters.
  const [panelToggled, setPanelOpen] = useState<boolean | null>(null);
  const panelOpen = panelToggled ?? filterCount > 0;
  const [creating, setCreating] = useState(false);
  // Rows ticked to print their forms; kept while the user pages through the list.
  const [selected, setSelected] = useState<number[]>([]);
  const canPrint = can('member.export');
  const columns = useColumnPrefs(DEFAULT_HIDDEN_COLUMNS);
  const list = useMemberList(filters);

  const items = list.data?.items ?? [];
  const loading = list.isPending || list.isPlaceholderData;
  const pager = (withTotal: boolean) => (
    <KeysetPager
      totalText={withTotal && list.data ? t('members.total', { count: list.data.total }) : undefined}
      page={list.page}
      hasPrev={list.hasPrev}
      hasNext={list.hasNext}
      loading={list.isFetching}
      onPrev={list.prev}
      onNext={list.next}
    />
  );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} className="nx-page-title">
        {t('members.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            enterButton
            placeholder={t('members.searchPlaceholder')}
            aria-label={t('members.searchPlaceholder')}
            onSearch={(value) => setFilters({ q: value.trim() || undefined })}
            className="nx-member-search"
          />
          <Badge count={filterCount} size="small">
            <Button
              icon={<FilterOutlined aria-hidden />}
              type={panelOpen ? 'primary' : 'default'}
              ghost={panelOpen}
              aria-expanded={panelOpen}
              onClick={() => setPanelOpen(!panelOpen)}
            >
              {t('members.filters')}
            </Button>
          </Badge>
          <Flex gap={8} wrap className="nx-member-actions">
            {can('member.write') && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('members.create')}
              </Button>
            )}
            {can('member.import') && (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate('/members/import')}>
                {t('members.import')}
              </Button>
            )}
            {can('member.export') && (
              <MemberExportButton filters={filters} canReveal={can('member.reveal')} />
            )}
            {canPrint && selected.length > 0 && (
              <PrintSelectedButton ids={selected} onClear={() => setSelected([])} />
            )}
            <ColumnChooser
              columns={MEMBER_COLUMN_KEYS.map((key) => ({
                key,
                title: t(`memberFields.${key === 'org' ? 'orgId' : key}`),
              }))}
              hidden={columns.hidden}
              onChange={columns.setHidden}
              onReset={columns.reset}
            />
          </Flex>
        </Flex>
        {panelOpen && (
          <div className="nx-member-filters">
            <Suspense fallback={<PageSpinner />}>
              <MemberFilterPanel
                key={params.toString()}
                filters={filters}
                onApply={(values) => setFilters(values)}
              />
            </Suspense>
          </div>
        )}
      </Card>
      <Card size="small">
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {pager(true)}
            <Suspense fallback={<PageSpinner />}>
              <MemberTable
                items={items}
                loading={loading}
                hidden={columns.hidden}
                sort={filters.sort}
                order={filters.order}
                {...(canPrint ? { selection: { ids: selected, onChange: setSelected } } : {})}
                onSortChange={(sort, order) =>
                  setFilters(sort ? { sort, order } : { sort: DEFAULT_SORT, order: DEFAULT_ORDER })
                }
              />
            </Suspense>
            {(list.hasPrev || list.hasNext) && pager(false)}
          </Flex>
        )}
      </Card>
      {creating && (
        <Suspense fallback={null}>
          <NewMemberDrawer onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Flex>
  );
}

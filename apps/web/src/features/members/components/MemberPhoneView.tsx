import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { lazyAnt } from '../../../app/lazyAnt';
import { lazyNamed } from '../../../app/lazyNamed';
import { PageSpinner } from '../../../components/PageSpinner';
import { Badge } from '../../../components/plain/Badge';
import { Button } from '../../../components/plain/Button';
import { Input } from '../../../components/plain/Input';
import { useCurrentUser } from '../../auth/useMe';
import { exportUrl } from '../members.api';
import { useMemberFilters } from '../useMemberFilters';
import { useMemberList } from '../useMemberList';
import { MemberCardList } from './MemberCardList';
import '../membersPhone.css';

// Loaded when opened: the filter sheet (plain, its org and division lists), the new-member drawer
// (antd's form), an error (antd's Result).
const MemberFilterSheet = lazyNamed(() => import('./MemberFilterSheet'), 'MemberFilterSheet');
const NewMemberDrawer = lazyAnt(() => import('./NewMemberDrawer'), 'NewMemberDrawer', { app: true });
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/** 党员信息库 on a phone: a search box, the filter sheet, the cards, 上一页 / 下一页; no antd. */
export function MemberPhoneView() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = (p: (typeof me.permissions)[number]) => me.permissions.includes(p);
  const navigate = useNavigate();
  const { params, filters, filterCount, setFilters } = useMemberFilters();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [sheetWanted, setSheetWanted] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useMemberList(filters);

  const pager = (
    <div className="nx-member-pager">
      <span>{list.data ? t('members.total', { count: list.data.total }) : ''}</span>
      {(list.hasPrev || list.hasNext) && (
        <span className="nx-member-pager-buttons">
          <span className="nx-text-secondary">{t('common.page', { page: list.page })}</span>
          <Button disabled={!list.hasPrev || list.isFetching} onClick={list.prev}>
            {t('common.prev')}
          </Button>
          <Button disabled={!list.hasNext || list.isFetching} onClick={list.next}>
            {t('common.next')}
          </Button>
        </span>
      )}
    </div>
  );

  return (
    <div className="nx-member-phone">
      <h2 className="nx-plain-title">{t('members.title')}</h2>
      <search>
        <form
          className="nx-member-phone-search"
          onSubmit={(e) => {
            e.preventDefault();
            const q = new FormData(e.currentTarget).get('q');
            setFilters({ q: String(q ?? '').trim() || undefined });
          }}
        >
          <Input
            key={filters.q ?? ''}
            name="q"
            type="search"
            enterKeyHint="search"
            defaultValue={filters.q}
            maxLength={30}
            placeholder={t('members.searchPlaceholder')}
            aria-label={t('members.searchPlaceholder')}
          />
          <Button variant="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </form>
      </search>
      <div className="nx-member-phone-actions">
        <Button
          aria-haspopup="dialog"
          onClick={() => {
            setSheetWanted(true);
            setSheetOpen(true);
          }}
        >
          {t('members.filters')}
          <Badge count={filterCount} />
        </Button>
        {can('member.write') && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('members.create')}
          </Button>
        )}
        {can('member.import') && (
          <Button onClick={() => navigate('/members/import')}>{t('members.import')}</Button>
        )}
        {can('member.export') && (
          // The masked list only: the full export, with its warning, is the desk's.
          <a className="nx-btn nx-btn-default" href={exportUrl(filters, false)}>
            {t('members.exportMasked')}
          </a>
        )}
      </div>
      {list.isError && !list.data ? (
        <Suspense fallback={null}>
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        </Suspense>
      ) : list.isPending ? (
        <PageSpinner />
      ) : (
        <>
          {pager}
          <MemberCardList items={list.data?.items ?? []} loading={list.isPlaceholderData} />
          {(list.hasPrev || list.hasNext) && pager}
        </>
      )}
      {sheetWanted && (
        <Suspense fallback={null}>
          <MemberFilterSheet
            // Built again from the URL when the filters change there (applied, reset, back).
            key={params.toString()}
            open={sheetOpen}
            filters={filters}
            onClose={() => setSheetOpen(false)}
            onApply={(values) => {
              setFilters(values);
              setSheetOpen(false);
            }}
          />
        </Suspense>
      )}
      {creating && (
        <Suspense fallback={null}>
          <NewMemberDrawer onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </div>
  );
}

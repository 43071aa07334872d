import { Suspense } from 'react';
import { useOutletContext } from 'react-router-dom';
import type { FrameContext } from '../../../app/AppLayout';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { MemberPhoneView } from '../components/MemberPhoneView';

// The desk's table, filter form and actions are antd: they load only at desk width.
const MembersDeskPage = lazyAnt(() => import('./MembersDeskPage'), 'MembersDeskPage', { app: true });

/**
 * 党员信息库: a plain page (no antd, no zod on a phone's first load). On a phone, plain cards with a
 * search box and a filter sheet; at a desk, the antd table with every desk action, loaded lazily.
 */
export function MembersPage() {
  const { compact } = useOutletContext<FrameContext>();
  if (compact) return <MemberPhoneView />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <MembersDeskPage />
    </Suspense>
  );
}

import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { visiblePortalTiles } from '../../../app/navigation';
import { PortalCard } from '../../../components/PortalCard';
import { useCurrentUser } from '../../auth/useMe';
import { TileBoundary } from '../components/TileBoundary';
import './portal.css';

/**
 * 我的主页 (phone first): the member's year at a glance. Each card is a feature's (study, courses,
 * meetings, notices, reflections, reports, record), loaded on its own, so a slow or failing one
 * leaves the others standing. Plain elements: the page loads no antd.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tiles = visiblePortalTiles(me.permissions);
  return (
    <div className="nx-page nx-portal">
      <h3 className="nx-portal-hello">{t('portal.hello', { name: me.user.displayName })}</h3>
      {tiles.map(({ key, tile: Tile }) => (
        <TileBoundary key={key}>
          <Suspense fallback={<PortalCard loading />}>
            <Tile />
          </Suspense>
        </TileBoundary>
      ))}
    </div>
  );
}

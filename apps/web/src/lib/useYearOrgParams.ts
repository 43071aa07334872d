import { localIsoDate } from '@ningxin/shared';
import { useSearchParams } from 'react-router-dom';

/**
 * A board's year and org, kept in the address (`?year=2026&orgId=5`) so a link or a reload shows
 * the same view: this year and the user's whole scope unless the address says otherwise.
 */
export function useYearOrgParams() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(localIsoDate(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const orgParam = Number(params.get('orgId'));
  const orgId = Number.isInteger(orgParam) && orgParam > 0 ? orgParam : undefined;
  const setFilter = (patch: { year?: number; orgId?: number | undefined }) => {
    const next = { year, orgId, ...patch };
    setParams(
      { year: String(next.year), ...(next.orgId ? { orgId: String(next.orgId) } : {}) },
      { replace: true },
    );
  };
  return { thisYear, year, orgId, setFilter };
}

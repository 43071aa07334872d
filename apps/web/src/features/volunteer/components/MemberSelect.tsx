import type { MemberListResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';

/** A pick of one member on the rolls the user can see, searched by name. */
export function MemberSelect({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['volunteer', 'member-search', q],
    queryFn: ({ signal }) =>
      api<MemberListResponse>('/members', { query: { q, limit: 20, status: 'active' }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.orgName}` }));
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      placeholder={t('volunteer.pickMember')}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ minWidth: 220 }}
    />
  );
}

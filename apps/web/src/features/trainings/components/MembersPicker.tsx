import type { MemberListResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';

/** Picks members 在册 by name (as typed), among those the user may read. */
export function MembersPicker({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  placeholder?: string;
  id?: string;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [labels, setLabels] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['trainings', 'member-search', q],
    queryFn: ({ signal }) =>
      api<MemberListResponse>('/members', { query: { q, limit: 20, status: 'active' }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.orgName}` }));
  for (const v of value ?? [])
    if (!options.some((o) => o.value === v)) options.push({ value: v, label: labels.get(v) ?? `#${v}` });
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? []}
      placeholder={placeholder}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
      onChange={(ids, picked) => {
        const next = new Map(labels);
        for (const o of [picked].flat()) if (o && 'value' in o) next.set(o.value as number, String(o.label));
        setLabels(next);
        onChange?.(ids);
      }}
    />
  );
}

import type { MemberListResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';

interface MemberSelectProps {
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  id?: string;
  /** How to show the value before any search (the member already chosen, by name). */
  valueLabel?: string;
}

/** Picks one member 在册 by name, phone or ID tail, searching the members the user may read as they type. */
export function MemberSelect({ value, onChange, placeholder, id, valueLabel }: MemberSelectProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['members', 'member-search', q],
    queryFn: ({ signal }) =>
      api<MemberListResponse>('/members', { query: { q, limit: 20, status: 'active' }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${m.name} · ${m.idNumberMasked.slice(-4)} · ${m.orgName}`,
  }));
  if (value !== undefined && !options.some((o) => o.value === value))
    options.push({ value, label: label ?? valueLabel ?? `#${value}` });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      placeholder={placeholder}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
      onChange={(v, option) => {
        const chosen = [option].flat()[0];
        setLabel(chosen ? String(chosen.label) : null);
        onChange?.(v);
      }}
      allowClear
      style={{ minWidth: 220 }}
    />
  );
}

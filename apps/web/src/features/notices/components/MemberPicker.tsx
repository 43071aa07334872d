import type { MemberListResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';

interface MemberPickerProps {
  value?: number[];
  onChange?: (ids: number[]) => void;
  placeholder?: string;
  id?: string;
}

/** Picks members by name, searching the members the user may read as they type. */
export function MemberPicker({ value, onChange, placeholder, id }: MemberPickerProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [known, setKnown] = useState(new Map<number, string>());
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['notices', 'member-search', q],
    queryFn: ({ signal }) =>
      api<MemberListResponse>('/members', { query: { q, limit: 20, status: 'active,lost' }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${m.name} · ${m.orgName}`,
  }));
  // Chosen members stay labelled after the search moves on.
  for (const v of value ?? [])
    if (!options.some((o) => o.value === v)) options.push({ value: v, label: known.get(v) ?? `#${v}` });
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      value={value}
      placeholder={placeholder}
      onSearch={setTyped}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
      onChange={(ids, chosen) => {
        const next = new Map(known);
        for (const o of [chosen].flat())
          if (o && typeof o.value === 'number') next.set(o.value, String(o.label));
        setKnown(next);
        onChange?.(ids);
      }}
      allowClear
    />
  );
}

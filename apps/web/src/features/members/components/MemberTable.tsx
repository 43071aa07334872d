import type { MemberListItem } from '@ningxin/shared';
import { Table, type TableColumnsType, type TableProps, Tag } from 'antd';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLabels } from '../../../app/i18n/useLabels';
import type { MemberSort, SortOrder } from '../memberFilters';
import { MemberStatusTag } from './MemberStatusTag';

interface MemberTableProps {
  items: MemberListItem[];
  loading: boolean;
  hidden: string[];
  sort: MemberSort;
  order: SortOrder;
  onSortChange: (sort: MemberSort | null, order: SortOrder) => void;
  /** Rows ticked for an action on several members (kept across pages); no tick boxes without it. */
  selection?: { ids: number[]; onChange: (ids: number[]) => void };
}

const SORTABLE: Partial<Record<string, MemberSort>> = { name: 'name', joinedAt: 'joinedAt' };

/** The member list as a table; a row opens the member's page. */
export function MemberTable({
  items,
  loading,
  hidden,
  sort,
  order,
  onSortChange,
  selection,
}: MemberTableProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const sortOrderOf = (key: MemberSort): AntSortOrder =>
    sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null;

  const all: TableColumnsType<MemberListItem> = [
    {
      key: 'name',
      title: t('memberFields.name'),
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, m) => (
        <Link to={`/members/${m.id}`} onClick={(e) => e.stopPropagation()}>
          {m.name}
        </Link>
      ),
    },
    { key: 'gender', title: t('memberFields.gender'), render: (_, m) => labels.gender(m.gender) },
    { key: 'age', title: t('memberFields.age'), align: 'right', render: (_, m) => m.age ?? '—' },
    {
      key: 'idNumber',
      title: t('memberFields.idNumber'),
      render: (_, m) => <span className="nx-mono">{m.idNumberMasked}</span>,
    },
    {
      key: 'phone',
      title: t('memberFields.phone'),
      render: (_, m) => <span className="nx-mono">{m.phoneMasked}</span>,
    },
    { key: 'org', title: t('memberFields.orgId'), ellipsis: true, width: 180, render: (_, m) => m.orgName },
    {
      key: 'homeCounty',
      title: t('memberFields.homeCounty'),
      render: (_, m) => m.homeCountyName ?? m.homeCounty,
    },
    {
      key: 'hostDistrict',
      title: t('memberFields.hostDistrict'),
      render: (_, m) => m.hostDistrictName ?? m.hostDistrict ?? '—',
    },
    {
      key: 'status',
      title: t('memberFields.status'),
      render: (_, m) => <MemberStatusTag status={m.status} />,
    },
    {
      key: 'memberType',
      title: t('memberFields.memberType'),
      render: (_, m) => labels.memberType(m.memberType),
    },
    {
      key: 'tags',
      title: t('memberFields.tags'),
      render: (_, m) =>
        m.tags.length === 0
          ? '—'
          : m.tags.map((tag) => (
              <Tag key={tag} variant="outlined">
                {tag}
              </Tag>
            )),
    },
    {
      key: 'joinedAt',
      title: t('memberFields.joinedAt'),
      sorter: true,
      sortOrder: sortOrderOf('joinedAt'),
      render: (_, m) => m.joinedAt,
    },
  ];
  const columns = all.filter((c) => !hidden.includes(String(c.key)));

  const onChange: TableProps<MemberListItem>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? SORTABLE[String(s.columnKey)] : undefined;
    onSortChange(key ?? null, s?.order === 'descend' ? 'desc' : 'asc');
  };

  return (
    <Table<MemberListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onChange={onChange}
      showSorterTooltip={false}
      locale={{ emptyText: t('members.empty') }}
      rowSelection={
        selection && {
          selectedRowKeys: selection.ids,
          preserveSelectedRowKeys: true,
          fixed: 'left',
          onChange: (keys) => selection.onChange(keys.map(Number)),
          getCheckboxProps: (m) => ({ 'aria-label': t('memberPrint.selectRow', { name: m.name }) }),
        }
      }
      onRow={(m) => ({
        onClick: (e) => {
          // A click on a tick box selects the row; anywhere else opens the member.
          if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
          navigate(`/members/${m.id}`);
        },
        style: { cursor: 'pointer' },
      })}
    />
  );
}

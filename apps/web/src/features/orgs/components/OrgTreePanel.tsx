import { MinusSquareOutlined, PlusSquareOutlined, SearchOutlined } from '@ant-design/icons';
import type { OrgTreeNode } from '@ningxin/shared';
import { Card, Empty, Input, Skeleton, Switch, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { ancestorIds, filterTree, parentIds } from '../orgTree';
import { useOrgTree } from '../useOrgTree';
import { OrgTreeTitle } from './OrgTreeTitle';

interface OrgTreePanelProps {
  selectedId: number | null;
  onSelect: (id: number) => void;
  includeClosed: boolean;
  onIncludeClosedChange: (value: boolean) => void;
  compact: boolean;
}

function toTreeData(nodes: OrgTreeNode[], query: string): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: <OrgTreeTitle node={n} query={query} />,
    children: toTreeData(n.children, query),
    isLeaf: n.children.length === 0,
  }));
}

/** The committee tree with a name filter; selecting a node opens its details. */
export function OrgTreePanel(props: OrgTreePanelProps) {
  const { selectedId, onSelect, includeClosed, onIncludeClosedChange, compact } = props;
  const { t } = useTranslation();
  const tree = useOrgTree(includeClosed);
  const switchId = useId();
  const [query, setQuery] = useState('');
  // Expansion the user chose, valid for the search text it was chosen under.
  const [opened, setOpened] = useState<{ query: string; keys: Key[] } | null>(null);
  const revealed = useRef<string | null>(null);
  const roots = tree.data?.roots;
  const filtered = useMemo(() => filterTree(roots ?? [], query), [roots, query]);
  const treeData = useMemo(() => toTreeData(filtered, query), [filtered, query]);
  // By default a search opens every branch holding a match; no search shows the first level.
  const expanded = useMemo<Key[]>(() => {
    if (opened && opened.query === query) return opened.keys;
    return query.trim() ? parentIds(filtered) : (roots ?? []).map((r) => r.id);
  }, [opened, query, filtered, roots]);

  // A newly selected (or just created, or moved) org gets its ancestors opened, once per place.
  useEffect(() => {
    if (selectedId === null || !roots) return;
    const path = ancestorIds(roots, selectedId);
    const place = path && `${selectedId}@${path.join('.')}`;
    if (!path || revealed.current === place) return;
    revealed.current = place;
    if (path.some((id) => !expanded.includes(id)))
      setOpened({ query, keys: [...new Set([...expanded, ...path])] });
  }, [selectedId, roots, expanded, query]);

  return (
    <Card
      title={t('orgs.title')}
      size="small"
      extra={
        <span className="nx-switch-label">
          <Switch id={switchId} size="small" checked={includeClosed} onChange={onIncludeClosedChange} />
          <label htmlFor={switchId}>{t('orgs.showClosed')}</label>
        </span>
      }
    >
      <Input
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('orgs.searchPlaceholder')}
        aria-label={t('orgs.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {tree.isPending ? (
        <Skeleton active />
      ) : tree.isError ? (
        <LoadError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : filtered.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noMatch')} />
      ) : (
        <>
          <div className={compact ? 'nx-org-tree-scroll nx-org-tree-scroll-compact' : 'nx-org-tree-scroll'}>
            <Tree
              blockNode
              virtual={false}
              showLine={{ showLeafIcon: false }}
              // Icons hidden from assistive technology, so a node's name is just the org's name.
              switcherIcon={({ expanded: open }) =>
                open ? <MinusSquareOutlined aria-hidden /> : <PlusSquareOutlined aria-hidden />
              }
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setOpened({ query, keys })}
              selectedKeys={selectedId === null ? [] : [selectedId]}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) onSelect(Number(key));
              }}
            />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orgs.total', { count: tree.data?.total ?? 0 })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

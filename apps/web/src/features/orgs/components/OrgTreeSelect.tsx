import type { OrgTreeNode } from '@ningxin/shared';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useOrgTree } from '../useOrgTree';

interface OrgOption {
  value: number;
  title: string;
  children: OrgOption[];
}

function toOptions(nodes: OrgTreeNode[]): OrgOption[] {
  return nodes
    .filter((n) => !n.closed)
    .map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));
}

/** A pick of one active org of the tree the user can see, searchable by name. */
export function OrgTreeSelect(props: Omit<TreeSelectProps<number>, 'treeData'>) {
  const tree = useOrgTree(false);
  const options = useMemo(() => toOptions(tree.data?.roots ?? []), [tree.data]);
  return (
    <TreeSelect<number>
      treeData={options}
      loading={tree.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      listHeight={320}
      popupMatchSelectWidth={false}
      allowClear
      {...props}
    />
  );
}

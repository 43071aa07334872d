import type { OrgTreeNode } from '@ningxin/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

interface OrgTreeTitleProps {
  node: OrgTreeNode;
  query: string;
}

/** A tree node's name with the searched text marked, and a tag when the org is closed. */
export function OrgTreeTitle({ node, query }: OrgTreeTitleProps) {
  const { t } = useTranslation();
  const q = query.trim();
  const at = q ? node.name.toLowerCase().indexOf(q.toLowerCase()) : -1;
  const name =
    at < 0 ? (
      node.name
    ) : (
      <>
        {node.name.slice(0, at)}
        <mark className="nx-tree-match">{node.name.slice(at, at + q.length)}</mark>
        {node.name.slice(at + q.length)}
      </>
    );
  return (
    <span className={node.closed ? 'nx-org-tree-closed' : undefined}>
      {name}
      {node.closed && (
        <Tag variant="filled" style={{ marginInlineStart: 6 }}>
          {t('orgs.closedTag')}
        </Tag>
      )}
    </span>
  );
}

import type { OrgTreeNode, ScopeKind } from '@ningxin/shared';
import { Form, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDivisions } from '../../meta/useDivisions';
import { useOrgTree } from '../../orgs/useOrgTree';

interface OrgOption {
  value: number;
  title: string;
  children: OrgOption[];
}

function orgOptions(nodes: OrgTreeNode[]): OrgOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: orgOptions(n.children) }));
}

/** The second half of a scope: which org subtree, home county or host district. */
export function ScopeValueField({ kind }: { kind: ScopeKind | undefined }) {
  const { t } = useTranslation();
  const orgs = useOrgTree(false);
  const divisions = useDivisions();
  const required = [{ required: true, message: t('common.required') }];
  if (kind === 'org') {
    return (
      <Form.Item label={t('users.scopeOrg')} name="orgId" rules={required}>
        <TreeSelect
          treeData={orgOptions(orgs.data?.roots ?? [])}
          loading={orgs.isPending}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandedKeys={(orgs.data?.roots ?? []).map((r) => r.id)}
          listHeight={320}
        />
      </Form.Item>
    );
  }
  if (kind === 'home' || kind === 'host') {
    const city = divisions.data?.[kind];
    return (
      <Form.Item
        label={city ? `${t('users.scopeDivision')}（${city.name}）` : t('users.scopeDivision')}
        name="division"
        rules={required}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={divisions.isPending}
          options={city?.divisions.map((d) => ({ value: d.code, label: d.name })) ?? []}
        />
      </Form.Item>
    );
  }
  return null;
}

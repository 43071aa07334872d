import { ORG_CHILD_KINDS, type OrgResponse, type OrgTreeNode } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { orgsApi } from '../orgs.api';
import { findNode, subtreeIds } from '../orgTree';
import { useInvalidateOrgs } from '../useInvalidateOrgs';
import { useOrgTree } from '../useOrgTree';

interface ParentOption {
  value: number;
  title: string;
  disabled: boolean;
  children: ParentOption[];
}

/** Every active org, with those that cannot take this org (itself, its subtree, wrong kind) disabled. */
function parentOptions(nodes: OrgTreeNode[], org: OrgResponse, excluded: Set<number>): ParentOption[] {
  return nodes
    .filter((n) => !n.closed && !excluded.has(n.id))
    .map((n) => ({
      value: n.id,
      title: n.name,
      disabled: n.id === org.parentId || !ORG_CHILD_KINDS[n.kind].includes(org.kind),
      children: parentOptions(n.children, org, excluded),
    }));
}

interface OrgMoveModalProps {
  org: OrgResponse;
  open: boolean;
  onClose: () => void;
}

export function OrgMoveModal({ org, open, onClose }: OrgMoveModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: number }>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateOrgs();
  const tree = useOrgTree(false);
  const options = useMemo(() => {
    const roots = tree.data?.roots ?? [];
    const self = findNode(roots, org.id);
    return parentOptions(roots, org, self ? subtreeIds(self) : new Set([org.id]));
  }, [tree.data, org]);

  const move = useMutation({
    mutationFn: (parentId: number) => orgsApi.move(org.id, { parentId, version: org.version }),
    onSuccess: () => {
      message.success(t('orgs.moved'));
      void invalidate();
      onClose();
    },
    onError: (e) =>
      showError(e, {
        form,
        onConflict: () => {
          void invalidate();
          onClose();
        },
      }),
  });

  return (
    <Modal
      title={`${t('orgs.moveTitle')} · ${org.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('orgs.moveHint', { kind: labels.orgKind(org.kind, org.kindLabel) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => move.mutate(v.parentId)}>
        <Form.Item
          label={t('orgs.newParent')}
          name="parentId"
          rules={[{ required: true, message: t('orgs.newParentRequired') }]}
        >
          <TreeSelect
            treeData={options}
            loading={tree.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            listHeight={320}
            placeholder={t('orgs.newParentRequired')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

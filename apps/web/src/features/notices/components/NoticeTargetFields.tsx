import { NOTICE_TARGET_ROLES, type NoticeTargetRole } from '@ningxin/shared';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { MemberPicker } from './MemberPicker';

/** The roles one bound to a subtree may address: those that sit inside it. */
const SUBTREE_ROLES: readonly NoticeTargetRole[] = ['secretary', 'finder', 'member'];

interface NoticeTargetFieldsProps {
  /** The sender's scope is the whole committee (the office): every role may be addressed. */
  wholeCommittee: boolean;
  /** The sender may search members (holds member.read). */
  canSearchMembers: boolean;
}

/** 通知对象: org subtrees from the tree the user sees, roles, and named members. */
export function NoticeTargetFields({ wholeCommittee, canSearchMembers }: NoticeTargetFieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const roles = wholeCommittee ? NOTICE_TARGET_ROLES : SUBTREE_ROLES;
  return (
    <>
      <Form.Item label={t('notices.form.orgs')} name={['target', 'orgIds']}>
        <OrgTreeSelect multiple placeholder={t('notices.form.orgs')} />
      </Form.Item>
      <Form.Item label={t('notices.form.roles')} name={['target', 'roles']}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('notices.form.roles')}
          options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
        />
      </Form.Item>
      {canSearchMembers && (
        <Form.Item label={t('notices.form.members')} name={['target', 'memberIds']}>
          <MemberPicker placeholder={t('notices.form.membersPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}

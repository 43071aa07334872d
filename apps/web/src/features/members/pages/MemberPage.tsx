import { Card, Col, Empty, Flex, Row, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { isApiError } from '../../../lib/api';
import { MemberActivity } from '../../activity/components/MemberActivity';
import { MemberContacts } from '../../contacts/components/MemberContacts';
import { RecordFiles } from '../../files/components/RecordFiles';
import { RecordPhoto } from '../../files/components/RecordPhoto';
import { MemberAccountModal } from '../components/MemberAccountModal';
import { MemberFormDrawer } from '../components/MemberFormDrawer';
import { MemberHeader } from '../components/MemberHeader';
import { MemberHistory } from '../components/MemberHistory';
import { MemberProfile } from '../components/MemberProfile';
import { StatusChangeModal } from '../components/StatusChangeModal';
import { useMember } from '../useMember';

/** A member's papers (材料): scans and documents; the photo is shown in the header. */
const MEMBER_PAPERS = ['document', 'attachment'] as const;

/** One member: the record with its 履历 (status changes, contacts, deeds), and its audit history in a second tab. */
export function MemberPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id) || 0;
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked === 'history' || asked === 'files' ? asked : 'profile';
  const query = useMember(id);
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const [openingAccount, setOpeningAccount] = useState(false);

  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Card>
        {notFound ? (
          <Empty description={query.error.message} />
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Card>
    );
  }
  const member = query.data;
  return (
    <Flex vertical gap={16}>
      <MemberHeader
        member={member}
        onEdit={() => setEditing(true)}
        onChangeStatus={() => setChangingStatus(true)}
        onOpenAccount={() => setOpeningAccount(true)}
        photo={<RecordPhoto owner={{ ownerType: 'member', ownerId: member.id }} name={member.name} />}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'profile',
            label: t('member.profileTab'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={16}>
                  <MemberProfile member={member} />
                </Col>
                <Col xs={24} xl={8}>
                  <MemberActivity memberId={member.id} />
                </Col>
                <Col xs={24} xl={16}>
                  <MemberContacts memberId={member.id} memberName={member.name} />
                </Col>
              </Row>
            ),
          },
          {
            key: 'files',
            label: t('files.papers'),
            children: (
              <Card size="small">
                <RecordFiles owner={{ ownerType: 'member', ownerId: member.id }} purposes={MEMBER_PAPERS} />
              </Card>
            ),
          },
          {
            key: 'history',
            label: t('member.historyTab'),
            children: (
              <Card size="small">
                <MemberHistory memberId={member.id} />
              </Card>
            ),
          },
        ]}
      />
      {editing && <MemberFormDrawer member={member} open={editing} onClose={() => setEditing(false)} />}
      {openingAccount && (
        <MemberAccountModal member={member} open={openingAccount} onClose={() => setOpeningAccount(false)} />
      )}
      {changingStatus && (
        <StatusChangeModal member={member} open={changingStatus} onClose={() => setChangingStatus(false)} />
      )}
    </Flex>
  );
}

import { FLAG_KINDS, type FlagItem, type FlagKind, FlagResolveBody, type FlagState } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCursorList } from '../../../lib/useCursorList';
import { useFormatters } from '../../../lib/useFormatters';
import { hasPermission } from '../../auth/auth.api';
import { useCurrentUser } from '../../auth/useMe';
import { ContactFormModal } from '../components/ContactFormModal';
import { MemberRowCard } from '../components/MemberRowCard';
import { contactKeys, contactsApi, leadFromMemberPath } from '../contacts.api';

const KIND_COLORS: Record<FlagKind, string> = {
  no_contact: 'orange',
  dropout: 'volcano',
  suspend: 'red',
  remove: 'magenta',
};

type Target = { id: number; name: string };

/** The actions on a member of the lost-contact list: contact, turn into a lead (with the campaign tools). */
function MemberActions({ member, onContact }: { member: Target; onContact: (m: Target) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      {hasPermission(me, 'contact.write') && (
        <Button size="small" onClick={() => onContact(member)}>
          {t('contacts.lost.contact')}
        </Button>
      )}
      {hasPermission(me, 'finding.manage') && (
        <Link to={leadFromMemberPath(member.id)}>
          <Button size="small">{t('contacts.lost.toLead')}</Button>
        </Link>
      )}
    </>
  );
}

function ResolveModal({ flag, onClose }: { flag: FlagItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ resolution: string }>();
  const resolve = useMutation({
    mutationFn: (resolution: string) => contactsApi.resolve(flag.id, resolution),
    onSuccess: () => {
      message.success(t('contacts.lost.resolved'));
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open
      title={t('contacts.lost.resolveTitle', { name: flag.member.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resolve.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => checkWithSchema(form, FlagResolveBody, v) && resolve.mutate(v.resolution)}
      >
        <Form.Item
          name="resolution"
          label={t('contacts.lost.resolution')}
          extra={t('contacts.lost.resolutionHint')}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FlagsTab({ onContact }: { onContact: (m: Target) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [state, setState] = useState<FlagState>('open');
  const [kind, setKind] = useState<FlagKind | null>(null);
  const [resolving, setResolving] = useState<FlagItem | null>(null);
  const flags = useCursorList(contactKeys.flags(state, kind), (cursor: string | undefined, signal) =>
    contactsApi.flags(state, kind, cursor, signal),
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Segmented<FlagState>
          value={state}
          onChange={setState}
          options={[
            { value: 'open', label: t('contacts.lost.openFlags') },
            { value: 'resolved', label: t('contacts.lost.resolvedFlags') },
          ]}
        />
        <Select<FlagKind | 'all'>
          aria-label={t('contacts.kind')}
          value={kind ?? 'all'}
          onChange={(v) => setKind(v === 'all' ? null : v)}
          style={{ minWidth: 180 }}
          options={[
            { value: 'all', label: t('contacts.lost.allKinds') },
            ...FLAG_KINDS.map((k) => ({
              value: k,
              label: t(`contacts.lost.kinds.${k}`),
            })),
          ]}
        />
      </Flex>
      {flags.isError ? (
        <LoadError error={flags.error} onRetry={() => void flags.refetch()} />
      ) : !flags.isPending && flags.items.length === 0 ? (
        <Empty description={t('contacts.lost.empty')} />
      ) : (
        flags.items.map((f) => (
          <MemberRowCard
            key={f.id}
            member={f.member}
            extra={
              <>
                {f.canResolve && (
                  <Button size="small" type="primary" onClick={() => setResolving(f)}>
                    {t('contacts.lost.resolve')}
                  </Button>
                )}
                <MemberActions member={f.member} onContact={onContact} />
              </>
            }
          >
            <Flex gap={8} wrap align="center">
              <Tag color={KIND_COLORS[f.kind]}>{t(`contacts.lost.kinds.${f.kind}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('contacts.lost.raisedOn')} {fmt.date(f.raisedOn)}
              </Typography.Text>
            </Flex>
            {f.resolvedAt && (
              <Typography.Text style={{ fontSize: 13 }}>
                {t('contacts.lost.resolvedBy', {
                  name: f.resolvedBy ?? t('common.system'),
                  time: fmt.dateTime(f.resolvedAt),
                  resolution: f.resolution ?? '',
                })}
              </Typography.Text>
            )}
          </MemberRowCard>
        ))
      )}
      <LoadMoreButton
        hasMore={flags.hasNextPage}
        loading={flags.isFetchingNextPage}
        onLoad={flags.loadMore}
      />
      {resolving && <ResolveModal flag={resolving} onClose={() => setResolving(null)} />}
    </Flex>
  );
}

function LostMembersTab({ onContact }: { onContact: (m: Target) => void }) {
  const { t } = useTranslation();
  const query = { status: 'lost' };
  const list = useCursorList(contactKeys.members(query), (cursor: string | undefined, signal) =>
    contactsApi.members(query, cursor, signal),
  );
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {!list.isPending && list.items.length === 0 && <Empty description={t('contacts.lost.lostEmpty')} />}
      {list.items.map((m) => (
        <MemberRowCard key={m.id} member={m} extra={<MemberActions member={m} onContact={onContact} />} />
      ))}
      <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={list.loadMore} />
    </Flex>
  );
}

/** 失联核查: the review flags the daily rule raised and the members 失联, with what can be done about each. */
export function LostContactPage() {
  const { t } = useTranslation();
  const [contacting, setContacting] = useState<Target | null>(null);
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('contacts.lost.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('contacts.lost.hint')} />
      <Tabs
        items={[
          {
            key: 'flags',
            label: t('contacts.lost.flagsTab'),
            children: <FlagsTab onContact={setContacting} />,
          },
          {
            key: 'lost',
            label: t('contacts.lost.lostTab'),
            children: <LostMembersTab onContact={setContacting} />,
          },
        ]}
      />
      {contacting && (
        <ContactFormModal
          memberId={contacting.id}
          memberName={contacting.name}
          open
          onClose={() => setContacting(null)}
        />
      )}
    </Flex>
  );
}

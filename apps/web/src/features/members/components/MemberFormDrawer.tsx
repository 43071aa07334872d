import { MemberCreateBody, type MemberResponse, MemberUpdateBody } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Divider, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormDrawer } from '../../../components/FormDrawer';
import { isApiError } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/formErrors';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { type MemberFormValues, toCreateBody, toFormValues, toUpdateBody } from '../memberForm';
import { membersApi } from '../members.api';
import { useInvalidateMembers } from '../useMember';
import { MemberIdentityFields } from './MemberIdentityFields';
import { MemberPartyFields } from './MemberPartyFields';
import { MemberPlaceFields } from './MemberPlaceFields';

interface MemberFormDrawerProps {
  /** The record to edit, or null to create one. */
  member: MemberResponse | null;
  open: boolean;
  onClose: () => void;
  onSaved?: (member: MemberResponse) => void;
}

/** A refused duplicate: the server's message, and a link when the existing record is in scope. */
interface Duplicate {
  message: string;
  memberId: number | null;
}

/** 新增党员 / 编辑党员档案, checked with the server's own zod rules before it is sent. */
export function MemberFormDrawer({ member, open, onClose, onSaved }: MemberFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateMembers();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const duplicateRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (duplicate) duplicateRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [duplicate]);

  const save = useMutation({
    mutationFn: (values: MemberFormValues) =>
      member
        ? membersApi.update(member.id, toUpdateBody(values, member.version))
        : membersApi.create(toCreateBody(values)),
    onSuccess: (saved) => {
      message.success(member ? t('member.updated') : t('member.created'));
      void invalidate();
      onClose();
      onSaved?.(saved);
    },
    onError: (e) => {
      if (isApiError(e) && (e.code === 'MEMBER_DUPLICATE' || e.code === 'MEMBER_REGISTERED_ELSEWHERE')) {
        applyFieldErrors(form, e);
        const id = e.details?.memberId;
        setDuplicate({ message: e.message, memberId: typeof id === 'number' ? id : null });
        return;
      }
      showError(e, {
        form,
        onConflict: () => {
          void invalidate();
          onClose();
        },
      });
    },
  });

  const submit = (values: MemberFormValues) => {
    setDuplicate(null);
    const ok = member
      ? checkWithSchema(form, MemberUpdateBody, toUpdateBody(values, member.version))
      : checkWithSchema(form, MemberCreateBody, toCreateBody(values));
    if (ok) save.mutate(values);
  };

  return (
    <FormDrawer<MemberFormValues>
      title={member ? `${t('member.editTitle')} · ${member.name}` : t('member.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      name="member"
      initialValues={toFormValues(member)}
      onFinish={submit}
      submitting={save.isPending}
      width={720}
    >
      {duplicate && (
        <div ref={duplicateRef}>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={duplicate.message}
            action={
              duplicate.memberId !== null && (
                <Link to={`/members/${duplicate.memberId}`} onClick={onClose}>
                  {t('member.openDuplicate')}
                </Link>
              )
            }
          />
        </div>
      )}
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('member.sections.basic')}
      </Divider>
      <MemberIdentityFields current={member} />
      <Divider titlePlacement="start">{t('member.sections.party')}</Divider>
      <MemberPartyFields />
      <MemberPlaceFields />
    </FormDrawer>
  );
}

import { type AuditEntryResponse, FILE_PURPOSES, type FilePurpose } from '@ningxin/shared';
import { Grid, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { memberFieldsText } from '../../../app/i18n/text/member-fields';
import { useLabels } from '../../../app/i18n/useLabels';
import { LoadError } from '../../../components/LoadError';
import { actorLabel } from '../../../lib/format';
import { useFormatters } from '../../../lib/useFormatters';
import { fieldChanges, formatFieldValue, type MemberFieldKey } from '../memberAudit';
import { useMemberHistory } from '../useMember';

const isFilePurpose = (v: string): v is FilePurpose => (FILE_PURPOSES as readonly string[]).includes(v);

const FIELD_KEYS = Object.keys(memberFieldsText) as MemberFieldKey[];

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** What one entry did, in words: the changed fields before → after, or what was viewed and why. */
function EntryChanges({ entry }: { entry: AuditEntryResponse }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const after = asRecord(entry.after);
  const empty = t('member.empty');
  if (entry.action === 'member.revealed') {
    const field = after.field === 'phone' ? 'phone' : 'idNumber';
    return (
      <>
        {t('member.revealedField', { field: t(`memberFields.${field}`), reason: String(after.reason ?? '') })}
      </>
    );
  }
  if (entry.action.startsWith('file.')) {
    const file = asRecord(entry.after ?? entry.before);
    const purpose = String(file.purpose);
    return (
      <>
        {t('files.historyEntry', {
          purpose: isFilePurpose(purpose) ? t(`files.purposes.${purpose}`) : purpose,
          name: String(file.name ?? ''),
        })}
      </>
    );
  }
  if (entry.action === 'member.created' || entry.before === null) return <>{t('member.createdRecord')}</>;
  const changes = fieldChanges(entry.before, entry.after, FIELD_KEYS);
  return (
    <ul className="nx-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <Typography.Text type="secondary">{t(`memberFields.${c.field}`)}：</Typography.Text>
          <span className="nx-change-before">{formatFieldValue(c.field, c.before, labels, empty)}</span>
          {' → '}
          <span>{formatFieldValue(c.field, c.after, labels, empty)}</span>
        </li>
      ))}
      {typeof after.effectiveDate === 'string' && (
        <li>
          <Typography.Text type="secondary">{t('member.effectiveDate')}：</Typography.Text>
          {after.effectiveDate}
        </li>
      )}
      {typeof after.reason === 'string' && (
        <li>
          <Typography.Text type="secondary">{t('member.reason')}：</Typography.Text>
          {after.reason}
        </li>
      )}
    </ul>
  );
}

/** 操作记录: the audit trail of this record, newest first. */
export function MemberHistory({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const history = useMemberHistory(memberId, true);
  const compact = !Grid.useBreakpoint().md;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  // On a phone one column holds the whole entry, so the changes are not pushed off the screen.
  const stacked: TableColumnsType<AuditEntryResponse> = [
    {
      key: 'entry',
      title: t('member.historyChanges'),
      render: (_, e) => (
        <>
          <Typography.Text strong>{labels.auditAction(e.action, e.actionLabel)}</Typography.Text>
          <Typography.Text type="secondary" className="nx-history-meta">
            {fmt.dateTime(e.at)} · {actorLabel(e, t('common.system'))}
          </Typography.Text>
          <EntryChanges entry={e} />
        </>
      ),
    },
  ];
  const columns: TableColumnsType<AuditEntryResponse> = compact
    ? stacked
    : [
        { key: 'at', title: t('member.historyTime'), width: 170, render: (_, e) => fmt.dateTime(e.at) },
        {
          key: 'actor',
          title: t('member.historyActor'),
          render: (_, e) => actorLabel(e, t('common.system')),
        },
        {
          key: 'action',
          title: t('member.historyAction'),
          render: (_, e) => labels.auditAction(e.action, e.actionLabel),
        },
        { key: 'changes', title: t('member.historyChanges'), render: (_, e) => <EntryChanges entry={e} /> },
      ];
  return (
    <Table<AuditEntryResponse>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={[...(history.data?.items ?? [])].sort((a, b) => b.seq - a.seq)}
      loading={history.isPending}
      pagination={false}
      scroll={compact ? undefined : { x: 'max-content' }}
      locale={{ emptyText: t('member.historyEmpty') }}
    />
  );
}

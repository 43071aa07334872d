import {
  ARCHIVE_CATEGORIES,
  ARCHIVE_CATEGORY_LABELS,
  ARCHIVE_RETENTION_LABELS,
  ARCHIVE_RETENTIONS,
  type ArchiveCategory,
  type ArchiveItemResponse,
  type ArchiveRetention,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, List, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RecordFiles } from '../../files/components/RecordFiles';
import { MemberSelect } from '../../members/components/MemberSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { archivesApi, archivesKeys } from '../archives.api';

interface Values {
  code: string;
  title: string;
  category: ArchiveCategory;
  orgId: number;
  memberId?: number;
  year: number;
  retention: ArchiveRetention;
  room: string;
  cabinet: string;
  shelf: string;
  box: string;
  pages?: number | null;
  note?: string;
}

/** 登记 / 修改档案: number, title, category, org, member, year, retention, place; files and loans when editing. */
export function ArchiveDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: ArchiveItemResponse | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const history = useQuery({
    queryKey: archivesKeys.history(editing?.id ?? 0),
    queryFn: () => archivesApi.history(editing!.id),
    enabled: open && !!editing,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, memberId: v.memberId ?? null, pages: v.pages ?? null, note: v.note ?? null };
      return editing
        ? archivesApi.update(editing.id, { ...body, version: editing.version })
        : archivesApi.create(body);
    },
    onSuccess: () => {
      message.success(editing ? t('archives.saved') : t('archives.created'));
      void client.invalidateQueries({ queryKey: archivesKeys.all });
      onClose();
    },
    onError: (error) =>
      onError(error, {
        form,
        onConflict: () => void client.invalidateQueries({ queryKey: archivesKeys.all }),
      }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = editing
    ? {
        code: editing.code,
        title: editing.title,
        category: editing.category,
        orgId: editing.org.id,
        ...(editing.member ? { memberId: editing.member.id } : {}),
        year: editing.year,
        retention: editing.retention,
        room: editing.room,
        cabinet: editing.cabinet,
        shelf: editing.shelf,
        box: editing.box,
        pages: editing.pages,
        note: editing.note ?? undefined,
      }
    : { category: 'org', retention: 'permanent', room: '二楼档案室', year: new Date().getFullYear() };
  return (
    <FormDrawer<Values>
      title={editing ? `${t('archives.edit')} ${editing.code}` : t('archives.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="archive"
      width={640}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="code" label={t('archives.form.code')} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item name="category" label={t('archives.form.category')} rules={required}>
            <Select
              options={ARCHIVE_CATEGORIES.map((c) => ({ value: c, label: ARCHIVE_CATEGORY_LABELS[c] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item name="year" label={t('archives.form.year')} rules={required}>
            <InputNumber min={1949} max={2199} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('archives.form.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="orgId" label={t('archives.form.org')} rules={required}>
            <OrgTreeSelect />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="retention" label={t('archives.form.retention')} rules={required}>
            <Select
              options={ARCHIVE_RETENTIONS.map((r) => ({ value: r, label: ARCHIVE_RETENTION_LABELS[r] }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="memberId" label={t('archives.form.member')}>
        <MemberSelect {...(editing?.member ? { valueLabel: editing.member.name } : {})} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={9}>
          <Form.Item name="room" label={t('archives.form.room')} rules={required}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={5}>
          <Form.Item name="cabinet" label={t('archives.form.cabinet')} rules={required}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={5}>
          <Form.Item name="shelf" label={t('archives.form.shelf')} rules={required}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={5}>
          <Form.Item name="box" label={t('archives.form.box')} rules={required}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="pages" label={t('archives.form.pages')}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="note" label={t('archives.form.note')}>
            <Input.TextArea rows={1} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      {editing ? (
        <>
          <Form.Item label={t('archives.form.files')}>
            <RecordFiles
              owner={{ ownerType: 'archive_item', ownerId: editing.id }}
              purposes={['document', 'attachment', 'photo']}
            />
          </Form.Item>
          <Typography.Title level={5}>{t('archives.history')}</Typography.Title>
          <List
            size="small"
            loading={history.isPending}
            dataSource={history.data?.items ?? []}
            locale={{ emptyText: t('archives.loans.empty') }}
            renderItem={(l) => (
              <List.Item>
                {l.borrowerName}
                {l.borrowerUnit ? `（${l.borrowerUnit}）` : ''} · {l.lentOn} → {l.returnedOn ?? l.dueOn}
                {l.returnedOn ? '' : ` · ${t('archives.loans.state.out')}`}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </FormDrawer>
  );
}

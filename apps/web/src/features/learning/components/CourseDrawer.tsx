import {
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  type CourseCreateInput,
  type CourseKind,
  type CourseQuizInput,
  type CourseResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RichTextEditor } from '../../notices/components/RichTextEditor';
import { AudienceFields } from '../../orgs/components/AudienceFields';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { courseKeys, coursesApi } from '../learning.api';

interface Values {
  title: string;
  kind: CourseKind;
  seriesId?: number | null;
  orgId: number;
  summary?: string;
  body?: string;
  externalUrl?: string;
  pageCount?: number | null;
  required: boolean;
  plannedMinutes: number;
  creditHours: number;
  audienceOrgIds?: number[];
  audiencePositions?: CourseCreateInput['audiencePositions'];
  publishFrom?: string;
  publishUntil?: string;
  passMark?: number | null;
  questions?: QuestionValues[];
}

/** A quiz question as the form holds it: its options one per line, the right ones by number. */
interface QuestionValues {
  text: string;
  options: string;
  answers: number[];
  multiple?: boolean;
}

const linesOf = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The form's quiz as the contract's (none without questions). */
function quizOf(v: Values): CourseQuizInput | null {
  const questions = (v.questions ?? []).filter((q) => q?.text);
  if (!v.required || questions.length === 0) return null;
  return {
    passMark: v.passMark ?? 60,
    questions: questions.map((q) => ({
      text: q.text,
      options: linesOf(q.options),
      answers: (q.answers ?? []).map((n) => n - 1),
      multiple: !!q.multiple,
    })),
  };
}

/** `2026-05-01T09:00` (a datetime-local input) as an instant; empty as null. */
const toInstant = (local: string | undefined) => (local ? new Date(local).toISOString() : null);
function toLocalInput(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 新建 / 修改课程: one form for both; an edit sends the version it was based on. */
export function CourseDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing: CourseResponse | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'article';
  const isRequired = Form.useWatch('required', form) ?? editing?.required ?? false;
  const series = useQuery({ queryKey: courseKeys.series, queryFn: coursesApi.series, enabled: open });
  const [seriesTitle, setSeriesTitle] = useState('');
  const addSeries = useMutation({
    mutationFn: () => coursesApi.createSeries({ title: seriesTitle, description: null }),
    onSuccess: (s) => {
      message.success(t('learning.courses.seriesCreated'));
      setSeriesTitle('');
      void client.invalidateQueries({ queryKey: courseKeys.series });
      form.setFieldValue('seriesId', s.id);
    },
    onError: (error) => onError(error),
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        title: v.title,
        seriesId: v.seriesId ?? null,
        summary: v.summary ?? null,
        body: v.kind === 'article' ? (v.body ?? null) : null,
        externalUrl: v.kind === 'video' && v.externalUrl ? v.externalUrl : null,
        pageCount: v.kind === 'document' ? (v.pageCount ?? null) : null,
        required: v.required,
        plannedMinutes: v.plannedMinutes,
        creditHours: v.creditHours,
        audienceOrgIds: v.audienceOrgIds ?? [],
        audiencePositions: v.audiencePositions ?? [],
        publishFrom: toInstant(v.publishFrom),
        publishUntil: toInstant(v.publishUntil),
        quiz: quizOf(v),
      };
      return editing
        ? coursesApi.update(editing.id, { ...common, version: editing.version })
        : coursesApi.create({ ...common, kind: v.kind, orgId: v.orgId });
    },
    onSuccess: () => {
      message.success(editing ? t('learning.courses.saved') : t('learning.courses.created'));
      void client.invalidateQueries({ queryKey: courseKeys.all });
      onClose();
    },
    onError: (error) =>
      onError(error, { form, onConflict: () => void client.invalidateQueries({ queryKey: courseKeys.all }) }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = editing
    ? {
        title: editing.title,
        kind: editing.kind,
        seriesId: editing.series?.id ?? null,
        orgId: editing.org.id,
        summary: editing.summary ?? undefined,
        body: editing.body ?? undefined,
        externalUrl: editing.externalUrl ?? undefined,
        pageCount: editing.pageCount,
        required: editing.required,
        plannedMinutes: editing.plannedMinutes,
        creditHours: editing.creditHours,
        audienceOrgIds: editing.audienceOrgs.map((o) => o.id),
        audiencePositions: editing.audiencePositions as Values['audiencePositions'],
        publishFrom: toLocalInput(editing.publishFrom),
        publishUntil: toLocalInput(editing.publishUntil),
        passMark: editing.quiz?.passMark ?? 60,
        questions: (editing.quiz?.questions ?? []).map((q) => ({
          text: q.text,
          options: q.options.join('\n'),
          answers: q.answers.map((n) => n + 1),
          multiple: q.multiple,
        })),
      }
    : { kind: 'article', required: false, plannedMinutes: 20, creditHours: 1, passMark: 60, questions: [] };
  return (
    <FormDrawer<Values>
      title={editing ? t('learning.courses.edit') : t('learning.courses.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="course"
      width={720}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="title" label={t('learning.courses.form.title')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="kind" label={t('learning.courses.form.kind')} rules={required}>
            <Select
              disabled={!!editing}
              options={COURSE_KINDS.map((k) => ({ value: k, label: COURSE_KIND_LABELS[k] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="orgId" label={t('learning.courses.form.org')} rules={required}>
            <OrgTreeSelect disabled={!!editing} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('learning.courses.form.series')}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="seriesId" noStyle>
            <Select
              allowClear
              aria-label={t('learning.courses.form.series')}
              style={{ width: '60%' }}
              options={(series.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
            />
          </Form.Item>
          <Input
            aria-label={t('learning.courses.seriesName')}
            placeholder={t('learning.courses.seriesName')}
            value={seriesTitle}
            maxLength={100}
            onChange={(e) => setSeriesTitle(e.target.value)}
          />
          <Button
            disabled={seriesTitle.trim().length < 2}
            loading={addSeries.isPending}
            onClick={() => addSeries.mutate()}
          >
            {t('learning.courses.newSeries')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="summary" label={t('learning.courses.form.summary')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {kind === 'article' && (
        <Form.Item name="body" label={t('learning.courses.form.body')}>
          <RichTextEditor />
        </Form.Item>
      )}
      {kind === 'video' && (
        <Form.Item name="externalUrl" label={t('learning.courses.form.externalUrl')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
      )}
      {kind === 'document' && (
        <Form.Item name="pageCount" label={t('learning.courses.form.pageCount')} rules={required}>
          <InputNumber min={1} max={2000} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={8}>
          <Form.Item name="required" label={t('learning.courses.form.required')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="plannedMinutes" label={t('learning.courses.form.plannedMinutes')} rules={required}>
            <InputNumber min={1} max={600} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="creditHours" label={t('learning.courses.form.creditHours')} rules={required}>
            <InputNumber min={0} max={99.9} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <AudienceFields
        orgs={{
          label: t('learning.courses.form.audienceOrgs'),
          help: t('learning.courses.form.audienceOrgsHelp'),
        }}
        positions={{
          label: t('learning.courses.form.audiencePositions'),
          help: t('learning.courses.form.audiencePositionsHelp'),
        }}
      />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="publishFrom" label={t('learning.courses.form.publishFrom')}>
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="publishUntil" label={t('learning.courses.form.publishUntil')}>
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
      </Row>
      {isRequired && (
        <Form.Item label={t('learning.courses.quiz.title')} extra={t('learning.courses.quiz.help')}>
          <Form.Item name="passMark" label={t('learning.courses.quiz.passMark')}>
            <InputNumber min={1} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('learning.courses.quiz.question', { n: i + 1 })}
                    extra={
                      <Button size="small" type="link" danger onClick={() => remove(field.name)}>
                        {t('common.delete')}
                      </Button>
                    }
                  >
                    <Form.Item
                      name={[field.name, 'text']}
                      label={t('learning.courses.quiz.text')}
                      rules={required}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'options']}
                      label={t('learning.courses.quiz.options')}
                      rules={required}
                    >
                      <Input.TextArea rows={3} />
                    </Form.Item>
                    <Row gutter={12}>
                      <Col xs={16}>
                        <Form.Item
                          name={[field.name, 'answers']}
                          label={t('learning.courses.quiz.answers')}
                          rules={required}
                        >
                          <Select
                            mode="multiple"
                            options={[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: n, label: String(n) }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={8}>
                        <Form.Item
                          name={[field.name, 'multiple']}
                          label={t('learning.courses.quiz.multiple')}
                          valuePropName="checked"
                        >
                          <Switch />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button onClick={() => add({ text: '', options: '', answers: [], multiple: false })}>
                  {t('learning.courses.quiz.add')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      )}
    </FormDrawer>
  );
}

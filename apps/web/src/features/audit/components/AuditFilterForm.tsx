import { AUDIT_ACTIONS } from '@ningxin/shared';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import type { AuditFilters } from '../audit.api';

interface Values {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const TARGET_TYPES = ['member', 'user', 'org', 'position', 'session', 'role'];

/** A picked wall-clock time read as Beijing time (the zone every time on screen is shown in). */
function beijingIso(value: Dayjs | null | undefined): string | undefined {
  return value ? `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00` : undefined;
}

function toFilters(v: Values): AuditFilters {
  const trim = (s: string | undefined) => s?.trim() || undefined;
  return {
    actor: trim(v.actor),
    action: v.action || undefined,
    targetType: trim(v.targetType),
    targetId: trim(v.targetId),
    from: beijingIso(v.range?.[0]),
    to: beijingIso(v.range?.[1]),
  };
}

export function AuditFilterForm({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const actions = Object.keys(AUDIT_ACTIONS).map((a) => ({ value: a, label: labels.auditAction(a) }));
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => onChange(toFilters(v))}>
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12} lg={6} xl={4}>
          <Form.Item label={t('audit.actor')} name="actor">
            <Input allowClear placeholder={t('audit.actorPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} xl={4}>
          <Form.Item label={t('audit.action')} name="action">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.allActions')}
              options={actions}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6} xl={4}>
          <Form.Item label={t('audit.targetType')} name="targetType">
            <AutoComplete
              allowClear
              placeholder={t('audit.targetTypePlaceholder')}
              options={TARGET_TYPES.map((v) => ({ value: v }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6} xl={3}>
          <Form.Item label={t('audit.targetId')} name="targetId">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={24} lg={12} xl={9}>
          <Form.Item label={t('audit.timeRange')} name="range">
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}

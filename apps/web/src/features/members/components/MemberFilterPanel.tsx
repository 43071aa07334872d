import { EDUCATION_LEVELS, MEMBER_STATUSES, MEMBER_TYPES, MemberListQuery, ROLE_TAGS } from '@ningxin/shared';
import { Button, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { checkWithSchema } from '../../../lib/schemaRule';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import {
  EMPTY_PANEL as EMPTY,
  filtersToQuery,
  type MemberFilters,
  type PanelFilters as PanelValues,
} from '../memberFilters';

interface MemberFilterPanelProps {
  filters: MemberFilters;
  onApply: (values: PanelValues) => void;
}

/** Two number inputs side by side (从 … 至 …) for a range filter. */
function RangeInputs({
  from,
  to,
  min,
  max,
  placeholders,
}: {
  from: keyof PanelValues;
  to: keyof PanelValues;
  min: number;
  max: number;
  placeholders: [string, string];
}): ReactNode {
  return (
    <Space.Compact block>
      <Form.Item name={from} noStyle>
        <InputNumber
          min={min}
          max={max}
          precision={0}
          placeholder={placeholders[0]}
          aria-label={placeholders[0]}
          style={{ width: '50%' }}
        />
      </Form.Item>
      <Form.Item name={to} noStyle>
        <InputNumber
          min={min}
          max={max}
          precision={0}
          placeholder={placeholders[1]}
          aria-label={placeholders[1]}
          style={{ width: '50%' }}
        />
      </Form.Item>
    </Space.Compact>
  );
}

/** The filters of the member list; 查询 puts them in the page URL, 重置 clears them. */
export function MemberFilterPanel({ filters, onApply }: MemberFilterPanelProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<PanelValues>();
  const any = t('members.anyValue');

  const apply = (v: PanelValues) => {
    const values = { ...EMPTY, ...v };
    // The server's own rules (年份、年龄 ranges), with its messages.
    const query = filtersToQuery({ ...filters, ...values });
    if (!checkWithSchema(form, MemberListQuery, query)) return;
    onApply(values);
  };

  const col = { xs: 24, sm: 12, lg: 8, xxl: 6 };
  return (
    <Form<PanelValues>
      form={form}
      name="memberFilters"
      layout="vertical"
      initialValues={filters}
      onFinish={apply}
    >
      <Row gutter={[12, 0]}>
        <Col {...col}>
          <Form.Item label={t('memberFields.orgId')} name="orgId">
            <OrgTreeSelect placeholder={any} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('memberFields.homeCounty')} name="homeCounty">
            <DivisionSelect<string[]>
              side="home"
              mode="multiple"
              maxTagCount="responsive"
              placeholder={any}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('memberFields.hostDistrict')} name="hostDistrict">
            <DivisionSelect<string[]>
              side="host"
              mode="multiple"
              maxTagCount="responsive"
              placeholder={any}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('memberFields.status')} name="status">
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={any}
              options={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.memberStatus(s) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('memberFields.memberType')} name="memberType">
            <Select
              allowClear
              placeholder={any}
              options={MEMBER_TYPES.map((m) => ({ value: m, label: labels.memberType(m) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('memberFields.tags')} name="tags">
            <Select
              mode="tags"
              allowClear
              maxTagCount="responsive"
              placeholder={any}
              options={ROLE_TAGS.map((tag) => ({ value: tag, label: tag }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('memberFields.education')} name="education">
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={any}
              showSearch={{ optionFilterProp: 'label' }}
              options={EDUCATION_LEVELS.map((e) => ({ value: e.code, label: labels.education(e.code) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.joinYear')}>
            <RangeInputs
              from="joinYearFrom"
              to="joinYearTo"
              min={1921}
              max={2100}
              placeholders={[t('members.yearFrom'), t('members.yearTo')]}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item label={t('members.ageRange')}>
            <RangeInputs
              from="ageFrom"
              to="ageTo"
              min={0}
              max={130}
              placeholders={[t('members.ageFrom'), t('members.ageTo')]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        {/* The panel is rebuilt from the URL, so clearing the filters there clears the form. */}
        <Button onClick={() => onApply(EMPTY)}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );
}

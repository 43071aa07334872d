import { MEMBER_TYPES, RELATIONSHIP_TYPES, ROLE_TAGS } from '@ningxin/shared';
import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { DateField } from './DateField';

/** 党籍信息: dates, type, organization, relationship, tags. */
export function MemberPartyFields() {
  const { t } = useTranslation();
  const labels = useLabels();
  const required = { required: true, message: t('common.required') };
  return (
    <Row gutter={[12, 0]}>
      <Col xs={12} sm={12}>
        <Form.Item label={t('memberFields.joinedAt')} name="joinedAt" rules={[required]}>
          <DateField />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item label={t('memberFields.fullMemberAt')} name="fullMemberAt">
          <DateField />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('memberFields.memberType')} name="memberType" rules={[required]}>
          <Select options={MEMBER_TYPES.map((m) => ({ value: m, label: labels.memberType(m) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('memberFields.relationship')} name="relationship" rules={[required]}>
          <Select options={RELATIONSHIP_TYPES.map((r) => ({ value: r, label: labels.relationship(r) }))} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={t('memberFields.orgId')} name="orgId" rules={[required]}>
          <OrgTreeSelect placeholder={t('member.selectPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('memberFields.tags')} name="tags">
          <Select
            mode="tags"
            allowClear
            placeholder={t('member.tagsPlaceholder')}
            options={ROLE_TAGS.map((tag) => ({ value: tag, label: tag }))}
            tokenSeparators={[',', '，', '、']}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('memberFields.lastContactAt')} name="lastContactAt">
          <DateField />
        </Form.Item>
      </Col>
    </Row>
  );
}

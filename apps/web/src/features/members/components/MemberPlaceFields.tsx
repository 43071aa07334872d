import { MemberCreateBody } from '@ningxin/shared';
import { Col, Divider, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { DateField } from './DateField';

const shape = MemberCreateBody.shape;

/** 流出地, 流入地, 工作 and 备注. */
export function MemberPlaceFields() {
  const { t } = useTranslation();
  const select = t('member.selectPlaceholder');
  return (
    <>
      <Divider titlePlacement="start">{t('member.sections.home')}</Divider>
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('memberFields.homeCounty')}
            name="homeCounty"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DivisionSelect side="home" placeholder={select} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('memberFields.leftHomeAt')} name="leftHomeAt">
            <DateField />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('memberFields.homeOrg')} name="homeOrg" rules={[schemaRule(shape.homeOrg)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('member.sections.host')}</Divider>
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('memberFields.hostDistrict')} name="hostDistrict">
            <DivisionSelect side="host" placeholder={select} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('memberFields.hostAddress')}
            name="hostAddress"
            rules={[schemaRule(shape.hostAddress)]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('member.sections.work')}</Divider>
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('memberFields.employer')} name="employer" rules={[schemaRule(shape.employer)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            label={t('memberFields.occupation')}
            name="occupation"
            rules={[schemaRule(shape.occupation)]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('memberFields.industry')} name="industry" rules={[schemaRule(shape.industry)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('memberFields.notes')} name="notes" rules={[schemaRule(shape.notes)]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

import { POSITION_TITLE_LABELS, POSITION_TITLES } from '@ningxin/shared';
import { Form, Select } from 'antd';
import { OrgTreeSelect } from './OrgTreeSelect';

/**
 * Who a record is addressed to, as two form fields: org subtrees (`audienceOrgIds`) and the
 * positions held there (`audiencePositions`). Each record kind says in its own words what an
 * empty field means (the organizer's subtree, any member …).
 */
export function AudienceFields({
  orgs,
  positions,
}: {
  orgs: { label: string; help: string };
  positions: { label: string; help: string };
}) {
  return (
    <>
      <Form.Item name="audienceOrgIds" label={orgs.label} extra={orgs.help}>
        <OrgTreeSelect multiple treeCheckable={false} />
      </Form.Item>
      <Form.Item name="audiencePositions" label={positions.label} extra={positions.help}>
        <Select
          mode="multiple"
          allowClear
          options={POSITION_TITLES.map((p) => ({ value: p, label: POSITION_TITLE_LABELS[p] }))}
        />
      </Form.Item>
    </>
  );
}

import {
  MEETING_FREQUENCIES,
  MEETING_FREQUENCY_LABELS,
  MEETINGS_PER_YEAR,
  type MeetingFrequencies,
  REQUIRED_MEETING_LABELS,
  REQUIRED_MEETINGS,
  type RequiredMeeting,
  SETTINGS,
  type SettingResponse,
} from '@ningxin/shared';
import { Form, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueFieldRule } from '../settingForm';

type Setting = Extract<SettingResponse, { key: 'life.meetingFrequencies' }>;

/** The required frequency of each meeting type, as a small table. */
export function MeetingFrequenciesEditor({ setting }: { setting: Setting }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const current = Form.useWatch(['value'], form) as Partial<MeetingFrequencies> | undefined;
  const schema = SETTINGS['life.meetingFrequencies'].schema;
  const columns: TableColumnsType<RequiredMeeting> = [
    { title: t('settings.meeting'), key: 'meeting', render: (_, m) => REQUIRED_MEETING_LABELS[m] },
    {
      title: t('settings.frequency'),
      key: 'frequency',
      width: 150,
      render: (_, m) => (
        <Form.Item
          name={['value', m]}
          style={{ margin: 0 }}
          rules={[{ required: true, message: t('common.required') }, valueFieldRule(schema, ['value', m])]}
        >
          <Select
            aria-label={`${REQUIRED_MEETING_LABELS[m]}${t('settings.frequency')}`}
            options={MEETING_FREQUENCIES.map((f) => ({ value: f, label: MEETING_FREQUENCY_LABELS[f] }))}
            style={{ width: '100%' }}
          />
        </Form.Item>
      ),
    },
    {
      title: t('settings.perYear'),
      key: 'perYear',
      render: (_, m) => {
        const f = current?.[m];
        return f ? t('settings.timesValue', { count: MEETINGS_PER_YEAR[f] }) : '—';
      },
    },
    {
      title: t('settings.default'),
      key: 'default',
      responsive: ['sm'],
      render: (_, m) => MEETING_FREQUENCY_LABELS[setting.defaultValue[m]],
    },
  ];
  return (
    <Table<RequiredMeeting>
      rowKey={(m) => m}
      size="small"
      columns={columns}
      dataSource={[...REQUIRED_MEETINGS]}
      pagination={false}
      style={{ marginBottom: 16 }}
    />
  );
}

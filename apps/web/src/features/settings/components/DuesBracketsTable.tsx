import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DuesRules, yuanText } from '@ningxin/shared';
import { Button, Form, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BracketRow, valueFieldRule } from '../settingForm';
import { ScaledNumberInput } from './ScaledNumberInput';

interface DuesBracketsTableProps {
  scale: 'salaried' | 'retired';
  title: string;
}

/** What a form item shows as text: the start of a bracket, which follows the bound before it. */
function BracketStart({ value }: { value?: number | null }) {
  return <span>{typeof value === 'number' ? yuanText(value) : '—'}</span>;
}

/**
 * One scale of the dues rules as a small editable table: each bracket's upper bound and rate;
 * the start follows the bound of the bracket before, the last bracket has no upper bound.
 */
export function DuesBracketsTable({ scale, title }: DuesBracketsTableProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const base = ['value', scale] as const;
  return (
    <Form.List name={[...base]}>
      {(fields, { add, remove }, { errors }) => {
        const last = fields.length - 1;
        const columns: TableColumnsType<(typeof fields)[number]> = [
          {
            title: t('settings.bracketFrom'),
            key: 'from',
            render: (_, field) => (
              <Form.Item
                name={[field.name, 'from']}
                style={{ margin: 0 }}
                rules={[valueFieldRule(DuesRules, [...base, field.name, 'from'])]}
              >
                <BracketStart />
              </Form.Item>
            ),
          },
          {
            title: t('settings.bracketTo'),
            key: 'to',
            width: 112,
            render: (_, field) =>
              field.name === last ? (
                <Typography.Text type="secondary">{t('settings.noUpperBound')}</Typography.Text>
              ) : (
                <Form.Item
                  name={[field.name, 'to']}
                  style={{ margin: 0 }}
                  rules={[
                    { required: true, message: t('common.required') },
                    valueFieldRule(DuesRules, [...base, field.name, 'to']),
                  ]}
                >
                  <ScaledNumberInput
                    scale={100}
                    aria-label={t('settings.bracketToLabel', { scale: title, n: field.name + 1 })}
                  />
                </Form.Item>
              ),
          },
          {
            title: t('settings.rate'),
            key: 'rate',
            width: 84,
            render: (_, field) => (
              <Form.Item
                name={[field.name, 'rateBp']}
                style={{ margin: 0 }}
                rules={[
                  { required: true, message: t('common.required') },
                  valueFieldRule(DuesRules, [...base, field.name, 'rateBp']),
                ]}
              >
                <ScaledNumberInput
                  scale={100}
                  aria-label={t('settings.rateLabel', { scale: title, n: field.name + 1 })}
                />
              </Form.Item>
            ),
          },
          {
            title: <span className="nx-visually-hidden">{t('common.actions')}</span>,
            key: 'actions',
            width: 40,
            render: (_, field) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('settings.removeBracket')}
                title={t('settings.removeBracket')}
                disabled={fields.length === 1}
                onClick={() => remove(field.name)}
              />
            ),
          },
        ];
        return (
          <div style={{ marginBottom: 16 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <Table
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 'max-content' }}
              style={{ marginTop: 8 }}
            />
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined aria-hidden />}
              style={{ marginTop: 8 }}
              onClick={() => {
                // A new bracket goes below the open-ended top one, at the top one's rate.
                const rows = (form.getFieldValue([...base]) ?? []) as BracketRow[];
                add({ from: undefined, to: undefined, rateBp: rows.at(-1)?.rateBp }, Math.max(last, 0));
              }}
            >
              {t('settings.addBracket')}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}

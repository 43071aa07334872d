import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { IMPORT_TEMPLATE_URL } from '../members.api';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportChooseStepProps {
  file: File | null;
  onFileChange: (file: File | null) => void;
  orgId: number | undefined;
  onOrgChange: (orgId: number | undefined) => void;
  onCheck: () => void;
}

/** Step 1: the template, the file, the default org; then 检查. */
export function ImportChooseStep({ file, onFileChange, orgId, onOrgChange, onCheck }: ImportChooseStepProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={t('memberImport.templateHint')}
        action={
          <Button size="small" icon={<DownloadOutlined aria-hidden />} href={IMPORT_TEMPLATE_URL}>
            {t('memberImport.template')}
          </Button>
        }
        className="nx-import-hint"
      />
      <Form layout="vertical" onFinish={onCheck} style={{ maxWidth: 560 }}>
        <Form.Item label={t('memberImport.file')} required>
          <Upload.Dragger
            accept={XLSX}
            maxCount={1}
            beforeUpload={(f) => {
              onFileChange(f);
              return false;
            }}
            onRemove={() => onFileChange(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('memberImport.chooseFile')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item label={t('memberImport.defaultOrg')} extra={t('memberImport.defaultOrgHint')}>
          <OrgTreeSelect
            value={orgId}
            onChange={(v) => onOrgChange(v ?? undefined)}
            placeholder={t('member.selectPlaceholder')}
            aria-label={t('memberImport.defaultOrg')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!file}>
          {t('memberImport.check')}
        </Button>
      </Form>
    </Flex>
  );
}

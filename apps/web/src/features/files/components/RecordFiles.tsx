import { DeleteOutlined, DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { FILE_PURPOSE_INFO, FILE_TYPES, type FilePurpose, type FileResponse } from '@ningxin/shared';
import { App, Button, Empty, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { formatFileSize } from '../fileSize';
import { type FileOwnerRef, filesApi } from '../files.api';
import { useFiles, useInvalidateFiles } from '../useFiles';
import { useFileUpload } from '../useFileUpload';
import { FilePicker } from './FilePicker';
import { UploadProgress } from './UploadProgress';

interface RecordFilesProps {
  owner: FileOwnerRef;
  /** The purposes listed and offered for upload, the first the default (photos live elsewhere). */
  purposes: readonly FilePurpose[];
}

/** The types a purpose takes, by extension: PDF、JPG、PNG. */
const typesOf = (purpose: FilePurpose) =>
  FILE_PURPOSE_INFO[purpose].accepts.map((m) => FILE_TYPES[m].extensions[0]!.toUpperCase()).join('、');

/** 材料: a record's papers (scans, documents): upload with a purpose, list, download, delete. */
export function RecordFiles({ owner, purposes }: RecordFilesProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const { dateTime } = useFormatters();
  const files = useFiles(owner);
  const invalidate = useInvalidateFiles(owner);
  const uploader = useFileUpload(owner);
  const [purpose, setPurpose] = useState<FilePurpose>(purposes[0]!);
  const [deleting, setDeleting] = useState<number | null>(null);

  if (files.isPending) return <List loading dataSource={[]} />;
  if (files.isError) return <LoadError error={files.error} onRetry={() => void files.refetch()} />;
  const { items, policies, uploadLimit } = files.data;
  const shown = items.filter((f) => purposes.includes(f.purpose));
  const purposeLabel = (p: FilePurpose) => t(`files.purposes.${p}`);

  const pick = async (file: File) => {
    try {
      const stored = await uploader.upload(purpose, file);
      message.success(t('files.uploaded', { name: stored.name }));
      await invalidate();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) onError(error);
    }
  };
  const remove = async (file: FileResponse) => {
    setDeleting(file.id);
    try {
      await filesApi.remove(file.id);
      message.success(t('files.deleted'));
      await invalidate();
    } catch (error) {
      onError(error);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Flex vertical gap={12}>
      {policies.upload && (
        <Flex vertical gap={8}>
          <Flex wrap gap={8} align="center">
            <Select
              value={purpose}
              onChange={setPurpose}
              disabled={uploader.uploading}
              aria-label={t('files.purpose')}
              style={{ minWidth: 120 }}
              options={purposes.map((p) => ({ value: p, label: purposeLabel(p) }))}
            />
            <FilePicker purpose={purpose} limit={uploadLimit} onPick={pick} disabled={uploader.uploading}>
              {t('files.upload')}
            </FilePicker>
          </Flex>
          <Typography.Text type="secondary" className="nx-hint">
            {t('files.hint', { types: typesOf(purpose), limit: formatFileSize(uploadLimit) })}
          </Typography.Text>
          {uploader.uploading && (
            <UploadProgress
              name={uploader.name ?? ''}
              percent={uploader.percent}
              onCancel={uploader.cancel}
            />
          )}
        </Flex>
      )}
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.empty')} />
      ) : (
        <List
          className="nx-file-list"
          dataSource={shown}
          rowKey="id"
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined aria-hidden />}
                  href={file.url}
                  download={file.name}
                  aria-label={t('files.downloadNamed', { name: file.name })}
                >
                  {t('files.download')}
                </Button>,
                ...(policies.delete
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('files.deleteConfirm', { name: file.name })}
                        okText={t('files.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(file)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined aria-hidden />}
                          loading={deleting === file.id}
                          aria-label={t('files.deleteNamed', { name: file.name })}
                        >
                          {t('files.delete')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={<FileOutlined aria-hidden className="nx-file-icon" />}
                title={
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong className="nx-file-name">
                      {file.name}
                    </Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>{purposeLabel(file.purpose)}</Tag>
                  </Flex>
                }
                description={t('files.meta', {
                  size: formatFileSize(file.size),
                  uploader: file.uploaderName ?? t('files.unknownUploader'),
                  time: dateTime(file.createdAt),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

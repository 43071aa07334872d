import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { acceptAttribute } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { noticeKeys, noticesApi } from '../notices.api';

const kb = (size: number) =>
  size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;

/** 附件: files owned by the notice; its sender adds them, its recipients download them. */
export function NoticeAttachments({ noticeId }: { noticeId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const files = useQuery({ queryKey: noticeKeys.files(noticeId), queryFn: () => noticesApi.files(noticeId) });
  const upload = useMutation({
    mutationFn: (file: File) => noticesApi.upload(noticeId, file),
    onSuccess: (f) => {
      message.success(t('notices.detail.uploaded', { name: f.name }));
      void queryClient.invalidateQueries({ queryKey: noticeKeys.files(noticeId) });
    },
    onError: (e) => onError(e),
  });
  if (files.isError) return null;
  const items = files.data?.items ?? [];
  return (
    <Flex vertical gap={4}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Text strong>{t('notices.detail.attachments')}</Typography.Text>
        {files.data?.policies.upload && (
          <Upload
            accept={acceptAttribute('attachment')}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {t('notices.detail.upload')}
            </Button>
          </Upload>
        )}
      </Flex>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('notices.detail.noAttachments')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={files.isPending}
          dataSource={items}
          renderItem={(f) => (
            <List.Item>
              <a href={f.url} download={f.name}>
                <PaperClipOutlined aria-hidden /> {f.name}
              </a>
              <Typography.Text type="secondary">{kb(f.size)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

import { UserOutlined } from '@ant-design/icons';
import { App, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import type { FileOwnerRef } from '../files.api';
import { useFiles, useInvalidateFiles } from '../useFiles';
import { useFileUpload } from '../useFileUpload';
import { FilePicker } from './FilePicker';
import { UploadProgress } from './UploadProgress';

interface RecordPhotoProps {
  owner: FileOwnerRef;
  /** Whose photo it is, for the image's text alternative. */
  name: string;
}

/**
 * The record's photo: its latest file of purpose `photo`, as an image (3:4, as on an ID card),
 * with 上传照片 / 更换照片 for those who may write the record.
 */
export function RecordPhoto({ owner, name }: RecordPhotoProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const photos = useFiles(owner, 'photo');
  const invalidate = useInvalidateFiles(owner);
  const uploader = useFileUpload(owner);

  if (photos.isPending) return <Skeleton.Image active className="nx-record-photo" />;
  // A list the user may not read (or that failed) shows no photo, and the record still shows.
  if (photos.isError) return null;
  const photo = photos.data.items[0];
  const pick = async (file: File) => {
    try {
      await uploader.upload('photo', file);
      message.success(t('files.photoUploaded'));
      await invalidate();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) onError(error);
    }
  };

  return (
    <Flex vertical gap={6} align="center" className="nx-record-photo-box">
      {photo ? (
        <img className="nx-record-photo" src={photo.url} alt={t('files.photoAlt', { name })} />
      ) : (
        <div className="nx-record-photo nx-record-photo-empty" role="img" aria-label={t('files.noPhoto')}>
          <UserOutlined aria-hidden />
        </div>
      )}
      {uploader.uploading ? (
        <UploadProgress name={uploader.name ?? ''} percent={uploader.percent} onCancel={uploader.cancel} />
      ) : (
        photos.data.policies.upload && (
          <FilePicker
            purpose="photo"
            limit={photos.data.uploadLimit}
            onPick={pick}
            buttonProps={{ size: 'small', type: 'link' }}
          >
            {photo ? t('files.replacePhoto') : t('files.uploadPhoto')}
          </FilePicker>
        )
      )}
    </Flex>
  );
}

import { UploadOutlined } from '@ant-design/icons';
import { acceptAttribute, type FilePurpose } from '@ningxin/shared';
import { App, Button, type ButtonProps } from 'antd';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../fileSize';

interface FilePickerProps {
  purpose: FilePurpose;
  /** The largest file the server takes, in bytes: a larger one is refused here, before it is sent. */
  limit: number;
  onPick: (file: File) => void;
  disabled?: boolean;
  children: ReactNode;
  buttonProps?: ButtonProps;
}

/** A button that opens the file chooser, offering the types the purpose accepts. */
export function FilePicker({ purpose, limit, onPick, disabled, children, buttonProps }: FilePickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept={acceptAttribute(purpose)}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > limit) {
            message.error(t('files.tooLarge', { limit: formatFileSize(limit) }));
            return;
          }
          onPick(file);
        }}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        disabled={disabled}
        onClick={() => input.current?.click()}
        {...buttonProps}
      >
        {children}
      </Button>
    </>
  );
}

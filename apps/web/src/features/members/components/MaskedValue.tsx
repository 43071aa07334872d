import { EyeOutlined } from '@ant-design/icons';
import type { MemberRevealBody } from '@ningxin/shared';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevealModal } from './RevealModal';

interface MaskedValueProps {
  memberId: number;
  field: MemberRevealBody['field'];
  fieldLabel: string;
  masked: string;
  canReveal: boolean;
}

/** A masked ID number or phone, with 查看 when the user may reveal it. */
export function MaskedValue({ memberId, field, fieldLabel, masked, canReveal }: MaskedValueProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Space size={4} wrap>
      <span className="nx-mono">{masked}</span>
      {canReveal && (
        <>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined aria-hidden />}
            onClick={() => setOpen(true)}
            aria-label={t('member.revealLabel', { field: fieldLabel })}
          >
            {t('member.reveal')}
          </Button>
          <RevealModal
            memberId={memberId}
            field={field}
            fieldLabel={fieldLabel}
            open={open}
            onClose={() => setOpen(false)}
          />
        </>
      )}
    </Space>
  );
}

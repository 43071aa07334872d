import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface KeysetPagerProps {
  /** The list's size in words (共 2000 人), when known. */
  totalText: string | undefined;
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  loading: boolean;
  onPrev: () => void;
  onNext: () => void;
}

/** The row count and 上一页 / 下一页: keyset pages have no page numbers to jump to. */
export function KeysetPager({
  totalText,
  page,
  hasPrev,
  hasNext,
  loading,
  onPrev,
  onNext,
}: KeysetPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text>{totalText ?? ''}</Typography.Text>
      <Space size={8} align="center">
        {(hasPrev || hasNext) && (
          <Typography.Text type="secondary">{t('common.page', { page })}</Typography.Text>
        )}
        <Button icon={<LeftOutlined aria-hidden />} disabled={!hasPrev || loading} onClick={onPrev}>
          {t('common.prev')}
        </Button>
        <Button disabled={!hasNext || loading} onClick={onNext}>
          {t('common.next')}
          <RightOutlined aria-hidden />
        </Button>
      </Space>
    </Flex>
  );
}

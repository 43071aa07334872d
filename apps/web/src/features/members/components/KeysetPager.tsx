import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface KeysetPagerProps {
  total: number | undefined;
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  loading: boolean;
  onPrev: () => void;
  onNext: () => void;
}

/** The row count and 上一页 / 下一页: keyset pages have no page numbers to jump to. */
export function KeysetPager({ total, page, hasPrev, hasNext, loading, onPrev, onNext }: KeysetPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text>{total === undefined ? '' : t('members.total', { count: total })}</Typography.Text>
      <Space size={8} align="center">
        {(hasPrev || hasNext) && (
          <Typography.Text type="secondary">{t('members.page', { page })}</Typography.Text>
        )}
        <Button icon={<LeftOutlined aria-hidden />} disabled={!hasPrev || loading} onClick={onPrev}>
          {t('members.prev')}
        </Button>
        <Button disabled={!hasNext || loading} onClick={onNext}>
          {t('members.next')}
          <RightOutlined aria-hidden />
        </Button>
      </Space>
    </Flex>
  );
}

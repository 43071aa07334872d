import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadMoreButtonProps {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  /** Shown when everything is loaded (and something was); nothing when omitted. */
  endText?: string;
}

/** 加载更多 under a list read page by page, or the end of the list. */
export function LoadMoreButton({ hasMore, loading, onLoad, endText }: LoadMoreButtonProps) {
  const { t } = useTranslation();
  if (!hasMore && !endText) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      {hasMore ? (
        <Button loading={loading} onClick={onLoad}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <span className="nx-list-end">{endText}</span>
      )}
    </Flex>
  );
}

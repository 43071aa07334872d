import { type ComplianceBranch, REQUIRED_MEETING_LABELS } from '@ningxin/shared';
import { Alert, Drawer, Empty, Flex, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from '../complianceDisplay';
import { MonthGrid } from './MonthGrid';

/** A branch's detail in a drawer: the types behind, its members and rate, and the month grid. */
export function BranchDrawer({
  branch,
  year,
  onClose,
}: {
  branch: ComplianceBranch | null;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={branch !== null}
      onClose={onClose}
      size={screens.md ? 820 : '100%'}
      title={branch ? t('compliance.grid.title', { name: branch.name, year }) : ''}
    >
      {branch ? (
        <Flex vertical gap={12}>
          {branch.behind.length ? (
            <Alert
              type="error"
              showIcon
              message={`${t('compliance.behindTypes')}：${branch.behind.map((x) => REQUIRED_MEETING_LABELS[x]).join('、')}`}
            />
          ) : null}
          <Typography.Text>
            {branch.committeeName} · {t('compliance.fullMembers')} {branch.fullMembers} ·{' '}
            {t('compliance.rate')} {percent(branch.completionRate)}
          </Typography.Text>
          <MonthGrid branch={branch} year={year} />
        </Flex>
      ) : (
        <Empty />
      )}
    </Drawer>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Result, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ImportCheckResult } from '../import/ImportCheckResult';
import { ImportChooseStep } from '../import/ImportChooseStep';
import { ImportProgressView } from '../import/ImportProgressView';
import { type ImportStep, useImportWizard } from '../import/useImportWizard';

const STEP_INDEX: Record<ImportStep, number> = { choose: 0, checking: 1, checked: 1, committing: 2, done: 2 };

/** 批量导入: choose a file → 检查 (dry run, error table) → 导入 (all rows or none). */
export function MemberImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const w = useImportWizard();
  const compact = !Grid.useBreakpoint().sm;
  return (
    <Flex vertical gap={16}>
      <Link to="/members" className="nx-back-link">
        <ArrowLeftOutlined aria-hidden /> {t('member.back')}
      </Link>
      <Typography.Title level={2} className="nx-page-title">
        {t('memberImport.title')}
      </Typography.Title>
      <Card size="small">
        <Steps
          size="small"
          responsive={false}
          titlePlacement={compact ? 'vertical' : 'horizontal'}
          current={STEP_INDEX[w.step]}
          status={w.step === 'done' ? 'finish' : 'process'}
          items={[
            { title: t('memberImport.stepChoose') },
            { title: t('memberImport.stepCheck') },
            { title: t('memberImport.stepCommit') },
          ]}
          className="nx-import-steps"
        />
      </Card>
      <Card size="small">
        {w.step === 'choose' && (
          <ImportChooseStep
            file={w.file}
            onFileChange={w.setFile}
            orgId={w.orgId}
            onOrgChange={w.setOrgId}
            onCheck={() => void w.startCheck()}
          />
        )}
        {w.step === 'checking' && (
          <ImportProgressView progress={w.progress} title={t('memberImport.checking')} />
        )}
        {w.step === 'committing' && (
          <ImportProgressView
            progress={w.progress}
            total={w.check?.valid}
            title={t('memberImport.committing')}
          />
        )}
        {w.step === 'checked' && w.check && (
          <ImportCheckResult
            report={w.check}
            fileName={w.file?.name ?? ''}
            onCommit={() => void w.startCommit()}
            onReselect={w.reselect}
          />
        )}
        {w.step === 'done' && w.result && (
          <Result
            status="success"
            title={t('memberImport.done', { count: w.result.imported })}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/members')}>
                {t('memberImport.toList')}
              </Button>,
              <Button key="again" onClick={w.restart}>
                {t('memberImport.again')}
              </Button>,
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}

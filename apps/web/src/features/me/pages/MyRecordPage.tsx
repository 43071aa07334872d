import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyAnt } from '../../../app/lazyAnt';
import { Deferred } from '../../../components/Deferred';
import { PortalCard } from '../../../components/PortalCard';
import { Alert } from '../../../components/plain/Alert';
import { Flex } from '../../../components/plain/Flex';
import { isApiError } from '../../../lib/api';
import { MyProfile } from '../components/MyProfile';
import { useMyRecord } from '../useMyRecord';
import '../../../components/pageButton.css';
import './myRecord.css';

// antd comes only with the contact form, when the member opens it, or with an error's Result.
const MyContactForm = lazyAnt(() => import('../components/MyContactForm'), 'MyContactForm', { app: true });
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * 我的档案: a member's own record (read-only, masked) and the contact details they may change.
 * Plain elements in antd's look: the page loads no antd until the member opens the form.
 */
export function MyRecordPage() {
  const { t } = useTranslation();
  const record = useMyRecord();
  const [editing, setEditing] = useState(false);
  let body: ReactNode;
  if (record.isPending) {
    body = <PortalCard loading />;
  } else if (record.isError) {
    body =
      isApiError(record.error) && record.error.status === 404 ? (
        <Alert type="info">{t('me.noRecord')}</Alert>
      ) : (
        <Suspense fallback={null}>
          <LoadError error={record.error} onRetry={() => void record.refetch()} />
        </Suspense>
      );
  } else {
    const contact = <PortalCard title={t('me.contact')} loading />;
    body = (
      <div className="nx-my-record">
        <div className="nx-my-record-contact">
          {editing ? (
            <Deferred asked fallback={contact}>
              <MyContactForm record={record.data} />
            </Deferred>
          ) : (
            <PortalCard title={t('me.contact')} testId="my-contact">
              <Flex vertical gap={12}>
                <Alert type="info">{t('me.note')}</Alert>
                <button
                  type="button"
                  className="nx-page-btn nx-page-btn-primary nx-page-btn-block"
                  onClick={() => setEditing(true)}
                >
                  {t('me.edit')}
                </button>
              </Flex>
            </PortalCard>
          )}
        </div>
        <MyProfile member={record.data} />
      </div>
    );
  }
  return (
    <Flex vertical gap={16} data-testid="my-record">
      <h2 className="nx-plain-title">{t('me.title')}</h2>
      {body}
    </Flex>
  );
}

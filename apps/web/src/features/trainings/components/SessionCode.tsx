import type { TrainingSessionResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { SignInCodePanel } from '../../../components/SignInCodePanel';
import { trainingKeys, trainingsApi } from '../trainings.api';

/** A session's sign-in QR code, fetched when shown. */
export function SessionCode({ session, title }: { session: TrainingSessionResponse; title: string }) {
  const code = useQuery({
    queryKey: trainingKeys.code(session.id),
    queryFn: () => trainingsApi.signInCode(session.id),
  });
  if (code.isPending) return <PageSpinner />;
  if (code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  return <SignInCodePanel code={code.data} title={title} onRefresh={() => void code.refetch()} />;
}

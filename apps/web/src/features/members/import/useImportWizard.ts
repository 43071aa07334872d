import type { ImportCheck, ImportReport } from '@ningxin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { memberKeys } from '../members.api';
import { checkImport, commitImport, type ImportProgress } from './memberImport.api';

export type ImportStep = 'choose' | 'checking' | 'checked' | 'committing' | 'done';

/**
 * The import wizard's state: choose a file and a default org, check it (the server keeps the
 * checked rows), then confirm (the commit, by the check's stage, without uploading again). Both
 * runs report progress; leaving the page cancels a run in flight.
 */
export function useImportWizard() {
  const showError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<ImportStep>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = useCallback(
    async <R>(
      phase: ImportProgress['phase'],
      work: (o: { onProgress: typeof setProgress; signal: AbortSignal }) => Promise<R>,
    ): Promise<R | null> => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setProgress({ phase, processed: 0 });
      try {
        return await work({ onProgress: setProgress, signal: controller.signal });
      } catch (error) {
        if (!controller.signal.aborted) showError(error);
        return null;
      } finally {
        setProgress(null);
      }
    },
    [showError],
  );

  const startCheck = useCallback(async () => {
    if (!file) return;
    setStep('checking');
    setCheck(null);
    const report = await run('validate', (o) => checkImport({ file, orgId, ...o }));
    setCheck(report);
    setStep(report ? 'checked' : 'choose');
  }, [run, file, orgId]);

  const startCommit = useCallback(async () => {
    const stageId = check?.stage?.id;
    if (!stageId) return;
    setStep('committing');
    const report = await run('commit', (o) => commitImport({ stageId, ...o }));
    if (report?.committed) {
      setResult(report);
      setStep('done');
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
    } else {
      // Refused (someone registered a person of the file meanwhile, the check expired): the
      // error was shown; this check can no longer be imported.
      setCheck((c) => c && { ...c, stage: null });
      setStep('checked');
    }
  }, [run, check, queryClient]);

  const reselect = useCallback(() => {
    setFile(null);
    setCheck(null);
    setStep('choose');
  }, []);

  const restart = useCallback(() => {
    reselect();
    setResult(null);
  }, [reselect]);

  return {
    step,
    file,
    setFile,
    orgId,
    setOrgId,
    progress,
    check,
    result,
    startCheck,
    startCommit,
    reselect,
    restart,
  };
}

import type { ImportReport } from '@ningxin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { memberKeys } from '../members.api';
import { type ImportProgress, runImport } from './memberImport.api';

export type ImportStep = 'choose' | 'checking' | 'checked' | 'committing' | 'done';

/**
 * The import wizard's state: choose a file and a default org, check it (dry run), then import
 * it (commit). Both runs report progress; leaving the page cancels a run in flight.
 */
export function useImportWizard() {
  const showError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<ImportStep>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = useCallback(
    async (dryRun: boolean): Promise<ImportReport | null> => {
      if (!file) return null;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setProgress({ phase: dryRun ? 'validate' : 'commit', processed: 0 });
      try {
        return await runImport({ file, orgId, dryRun, onProgress: setProgress, signal: controller.signal });
      } catch (error) {
        if (!controller.signal.aborted) showError(error);
        return null;
      } finally {
        setProgress(null);
      }
    },
    [file, orgId, showError],
  );

  const startCheck = useCallback(async () => {
    setStep('checking');
    setCheck(null);
    const report = await run(true);
    setCheck(report);
    setStep(report ? 'checked' : 'choose');
  }, [run]);

  const startCommit = useCallback(async () => {
    setStep('committing');
    const report = await run(false);
    if (report?.committed) {
      setResult(report);
      setStep('done');
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
    } else {
      // Refused at commit (a row became a duplicate meanwhile, say): show why, as after a check.
      if (report) setCheck(report);
      setStep('checked');
    }
  }, [run, queryClient]);

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

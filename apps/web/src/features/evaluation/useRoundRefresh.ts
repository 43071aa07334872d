import { useQueryClient } from '@tanstack/react-query';
import { evaluationKeys } from './evaluation.api';

/** Refetches a round, its participants and appeals, and the lists of rounds after a change. */
export function useRoundRefresh(id: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: evaluationKeys.round(id) });
    void client.invalidateQueries({ queryKey: evaluationKeys.participants(id) });
    void client.invalidateQueries({ queryKey: evaluationKeys.appeals(id) });
    void client.invalidateQueries({ queryKey: ['evaluations', 'list'] });
  };
}

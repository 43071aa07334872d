import { useQuery } from '@tanstack/react-query';
import { fetchDivisions } from './meta.api';

/** The home and host division tables; they change only with configuration. */
export function useDivisions() {
  return useQuery({
    queryKey: ['meta', 'divisions'],
    queryFn: fetchDivisions,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

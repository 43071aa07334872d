import { useQuery } from '@tanstack/react-query';
import { MY_RECORD_KEY, meApi } from './me.api';

/** The signed-in member's own record (masked). */
export function useMyRecord() {
  return useQuery({ queryKey: MY_RECORD_KEY, queryFn: meApi.record });
}

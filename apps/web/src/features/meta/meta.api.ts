import type { DivisionsResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

export function fetchDivisions(): Promise<DivisionsResponse> {
  return api<DivisionsResponse>('/meta/divisions');
}

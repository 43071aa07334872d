import type { Division } from '@ningxin/shared';
import { api } from '../../lib/api';

/** One side's city and its divisions, as GET /meta/divisions answers. */
export interface CityDivisions {
  code: string;
  name: string;
  divisions: Division[];
}

/** The configured home city (流出地) and host city (流入地). */
export interface DivisionsResponse {
  home: CityDivisions;
  host: CityDivisions;
}

export function fetchDivisions(): Promise<DivisionsResponse> {
  return api<DivisionsResponse>('/meta/divisions');
}

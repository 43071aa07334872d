import type { MemberResponse, MemberSelfUpdateBody } from '@ningxin/shared';
import { api } from '../../lib/api';

export const MY_RECORD_KEY = ['me', 'member'] as const;

export const meApi = {
  record: () => api<MemberResponse>('/me/member'),
  update: (body: MemberSelfUpdateBody) => api<MemberResponse>('/me/member', { method: 'PATCH', body }),
};

import type {
  CertificateCreateInput,
  CertificateListResponse,
  CertificateRenewBody,
  CertificateResponse,
  CertificateRevokeBody,
  CertificateStatus,
  TransferCancelBody,
  TransferCreateInput,
  TransferDirection,
  TransferListResponse,
  TransferReceiptBody,
  TransferResponse,
  TransferState,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';
import { downloadPdf } from '../../lib/download';

export const PAPERS_PAGE_SIZE = 20;

export interface CertificateFilters {
  status?: CertificateStatus | undefined;
  days?: number | undefined;
  orgId?: number | undefined;
  q?: string | undefined;
}

export interface TransferFilters {
  direction?: TransferDirection | undefined;
  state?: TransferState | undefined;
  overdue?: boolean | undefined;
  orgId?: number | undefined;
  q?: string | undefined;
}

export const paperKeys = {
  certificates: ['certificates'] as const,
  certificateList: (f: CertificateFilters) => ['certificates', 'list', f] as const,
  transfers: ['transfers'] as const,
  transferList: (f: TransferFilters) => ['transfers', 'list', f] as const,
};

export const certificatesApi = {
  list: (f: CertificateFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<CertificateListResponse>('/certificates', {
      query: { ...f, cursor, limit: PAPERS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  create: (body: CertificateCreateInput) =>
    api<CertificateResponse>('/certificates', { method: 'POST', body }),
  renew: (id: number, body: CertificateRenewBody) =>
    api<CertificateResponse>(`/certificates/${id}/renew`, { method: 'POST', body }),
  revoke: (id: number, body: CertificateRevokeBody) =>
    api<CertificateResponse>(`/certificates/${id}/revoke`, { method: 'POST', body }),
  pdf: (id: number) => downloadPdf(`/certificates/${id}.pdf`, `certificate-${id}.pdf`),
  exportUrl: (f: CertificateFilters) => apiUrl('/certificates/export', { ...f }),
};

export const transfersApi = {
  list: (f: TransferFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<TransferListResponse>('/transfers', {
      query: { ...f, cursor, limit: PAPERS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  create: (body: TransferCreateInput) => api<TransferResponse>('/transfers', { method: 'POST', body }),
  receipt: (id: number, body: TransferReceiptBody) =>
    api<TransferResponse>(`/transfers/${id}/receipt`, { method: 'POST', body }),
  cancel: (id: number, body: TransferCancelBody) =>
    api<TransferResponse>(`/transfers/${id}/cancel`, { method: 'POST', body }),
  letter: (id: number) => downloadPdf(`/transfers/${id}/letter.pdf`, `transfer-${id}.pdf`),
  exportUrl: (f: TransferFilters) => apiUrl('/transfers/export', { ...f }),
};

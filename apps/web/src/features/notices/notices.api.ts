import type {
  FileListResponse,
  FileResponse,
  InboxItemResponse,
  InboxListResponse,
  InboxReadAllResponse,
  NoticeCreateInput,
  NoticeListResponse,
  NoticeReceiptListResponse,
  NoticeRemindResponse,
  NoticeResponse,
} from '@ningxin/shared';
import { api, apiUrl, errorFromResponse, networkError } from '../../lib/api';

export const NOTICE_PAGE_SIZE = 20;
export const INBOX_PAGE_SIZE = 20;
export const RECEIPT_PAGE_SIZE = 50;

export type ReceiptState = 'all' | 'read' | 'unread';

export const noticeKeys = {
  all: ['notices'] as const,
  list: (mine: boolean, q: string) => ['notices', 'list', mine, q] as const,
  detail: (id: number) => ['notices', 'detail', id] as const,
  receipts: (id: number, state: ReceiptState) => ['notices', 'receipts', id, state] as const,
  files: (id: number) => ['notices', 'files', id] as const,
};

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (unread: boolean) => ['inbox', 'list', unread] as const,
  /** The bell's count. */
  unread: ['inbox', 'unread'] as const,
};

export const noticesApi = {
  list: (mine: boolean, q: string, before: number | undefined) =>
    api<NoticeListResponse>('/notices', { query: { mine, q, before, limit: NOTICE_PAGE_SIZE } }),
  get: (id: number) => api<NoticeResponse>(`/notices/${id}`),
  create: (body: NoticeCreateInput) => api<NoticeResponse>('/notices', { method: 'POST', body }),
  receipts: (id: number, state: ReceiptState, after: number | undefined) =>
    api<NoticeReceiptListResponse>(`/notices/${id}/receipts`, {
      query: { state, after, limit: RECEIPT_PAGE_SIZE },
    }),
  remind: (id: number) => api<NoticeRemindResponse>(`/notices/${id}/remind`, { method: 'POST' }),
  files: (id: number) => api<FileListResponse>('/files', { query: { ownerType: 'notice', ownerId: id } }),
  /** Uploads an attachment: the fields first, then the file (the server reads them in that order). */
  async upload(id: number, file: File): Promise<FileResponse> {
    const form = new FormData();
    form.append('ownerType', 'notice');
    form.append('ownerId', String(id));
    form.append('purpose', 'attachment');
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(apiUrl('/files'), { method: 'POST', body: form, credentials: 'same-origin' });
    } catch {
      throw networkError();
    }
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()) as FileResponse;
  },
};

export const inboxApi = {
  list: (unread: boolean, before: number | undefined) =>
    api<InboxListResponse>('/inbox', { query: { unread, before, limit: INBOX_PAGE_SIZE } }),
  unread: async () => (await api<InboxListResponse>('/inbox', { query: { limit: 1 } })).unread,
  read: (id: number) => api<InboxItemResponse>(`/inbox/${id}/read`, { method: 'POST' }),
  readAll: () => api<InboxReadAllResponse>('/inbox/read-all', { method: 'POST' }),
};

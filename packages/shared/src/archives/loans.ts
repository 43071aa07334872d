import { z } from 'zod';
import { IsoDate, PastDate } from '../common/dates';
import { IdParams, RecordId } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';

/** Contracts of lending archive items (借阅) and taking them back. */

/** How many days a loan runs unless the lender says otherwise (the form's default). */
export const ARCHIVE_LOAN_DAYS = 30;

/** `POST /archives/:id/loans`: lend the item. */
export const ArchiveLoanBody = z.object({
  borrowerName: Text('借阅人', { min: 1, max: 50 }),
  /** The borrower's org or unit. */
  borrowerUnit: OptionalText('借阅单位', 100),
  /** The borrower's account, when they have one. */
  borrowerUserId: RecordId('借阅账号').nullable().optional(),
  purpose: Text('借阅用途', { min: 1, max: 200 }),
  lentOn: PastDate('借出日期', '2000-01-01'),
  dueOn: IsoDate('应还日期', { min: '2000-01-01' }),
  note: OptionalText('备注', 500),
});
export type ArchiveLoanBody = z.infer<typeof ArchiveLoanBody>;
export type ArchiveLoanInput = z.input<typeof ArchiveLoanBody>;

/** `POST /archives/loans/:id/return`. */
export const ArchiveReturnBody = z.object({
  returnedOn: PastDate('归还日期', '2000-01-01'),
  note: OptionalText('备注', 500),
});
export type ArchiveReturnBody = z.infer<typeof ArchiveReturnBody>;
export type ArchiveReturnInput = z.input<typeof ArchiveReturnBody>;

export const ArchiveLoanIdParams = IdParams;

export const ARCHIVE_LOAN_STATES = ['out', 'overdue', 'all'] as const;
export const ArchiveLoanState = z.enum(ARCHIVE_LOAN_STATES, { error: '应为借出中、已逾期或全部' });
export type ArchiveLoanState = z.infer<typeof ArchiveLoanState>;

export const ArchiveLoanListQuery = z.object({
  state: ArchiveLoanState.default('out'),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type ArchiveLoanListQuery = z.infer<typeof ArchiveLoanListQuery>;
export type ArchiveLoanListInput = z.input<typeof ArchiveLoanListQuery>;

export const ArchiveLoanResponse = z
  .object({
    id: z.number().int(),
    item: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
    borrowerName: z.string(),
    borrowerUnit: z.string().nullable(),
    borrowerUserId: z.number().int().nullable(),
    purpose: z.string(),
    lentOn: z.string(),
    dueOn: z.string(),
    returnedOn: z.string().nullable(),
    /** Out past its due day (today in Asia/Shanghai). */
    overdue: z.boolean(),
    /** Days past due while out; 0 otherwise. */
    daysOverdue: z.number().int(),
    lentBy: z.string().nullable(),
    returnedBy: z.string().nullable(),
    note: z.string().nullable(),
    /** Whether the user may take it back. */
    canReturn: z.boolean(),
  })
  .meta({ id: 'ArchiveLoan' });
export type ArchiveLoanResponse = z.infer<typeof ArchiveLoanResponse>;

export const ArchiveLoanListResponse = pageOf(ArchiveLoanResponse, z.string());
export type ArchiveLoanListResponse = z.infer<typeof ArchiveLoanListResponse>;

/** An item's loans, newest first. */
export const ArchiveLoanHistoryResponse = z.object({ items: z.array(ArchiveLoanResponse) });
export type ArchiveLoanHistoryResponse = z.infer<typeof ArchiveLoanHistoryResponse>;

import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { PathId, QueryId, QueryInt } from '../common/ids';
import { CareHelpKind, CareVisitReason, HonourKind, HonourLevel } from './enums';
import { CareNamed } from './fields';

/** Contracts of Party anniversaries (政治生日) and of a member's own care records. */

export const CareBirthdaysQuery = z.object({
  /** The window's first day (default today, Asia/Shanghai). */
  from: IsoDate('起始日期', { min: '2000-01-01' }).optional(),
  /** How many days from `from` (1–31, default 7). */
  days: QueryInt('天数', 1, 31).default(7),
  orgId: QueryId('党组织').optional(),
});
export type CareBirthdaysQuery = z.infer<typeof CareBirthdaysQuery>;

export const CareBirthday = z.object({
  member: CareNamed,
  org: CareNamed,
  joinedAt: z.string(),
  /** The day of the anniversary in the window. */
  on: z.string(),
  /** Years in the Party on that day. */
  years: z.number().int(),
});
export type CareBirthday = z.infer<typeof CareBirthday>;

export const CareBirthdaysResponse = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(CareBirthday),
});
export type CareBirthdaysResponse = z.infer<typeof CareBirthdaysResponse>;

export const CareBirthdayCardParams = z.object({ memberId: PathId() });

/** `GET /care/mine`: a member's own visits, help, honours and next Party anniversary. */
export const CareMineResponse = z.object({
  nextBirthday: z.object({ on: z.string(), years: z.number().int(), joinedAt: z.string() }).nullable(),
  visits: z.array(
    z.object({
      id: z.number().int(),
      reason: CareVisitReason,
      title: z.string(),
      visitedOn: z.string(),
      visitors: z.string(),
    }),
  ),
  help: z.array(
    z.object({
      id: z.number().int(),
      kind: CareHelpKind,
      kindLabel: z.string(),
      amountFen: z.number().int(),
      givenOn: z.string(),
      reason: z.string(),
    }),
  ),
  honours: z.array(
    z.object({
      id: z.number().int(),
      kind: HonourKind,
      level: HonourLevel,
      levelLabel: z.string(),
      title: z.string(),
      issuer: z.string(),
      awardedOn: z.string(),
    }),
  ),
});
export type CareMineResponse = z.infer<typeof CareMineResponse>;

import { z } from 'zod';
import { DivisionCode, QueryInt } from '../common/ids';

/** Fields shared by the hometown contracts. */

/** A home county (流出地) of a record: a division code; which city's list is the service's rule. */
export const HomeCounty = DivisionCode;

/** A year of the ledgers (2000–2199) in a query string. */
export const LedgerYearQuery = QueryInt('年份', 2000, 2199);

/** A year of a project's figures in a body. */
export const LedgerYear = z
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份不能早于 2000')
  .max(2199, '年份不能晚于 2199');

export const Named = z.object({ id: z.number().int(), name: z.string() });

/** A county as shown: its code and name. */
export const County = z.object({ code: z.string(), name: z.string() });

/** What the actor may do with a record (the UI hides the rest). */
export const LedgerPolicies = z.object({ edit: z.boolean(), delete: z.boolean() });

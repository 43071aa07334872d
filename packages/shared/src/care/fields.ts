import { z } from 'zod';
import { QueryInt } from '../common/ids';

/** Fields shared by the care contracts. */

/** A year of the care records (2000–2199) in a query string. */
export const CareYearQuery = QueryInt('年份', 2000, 2199);

export const CareNamed = z.object({ id: z.number().int(), name: z.string() });

/** What the actor may do with a record (the UI hides the rest). */
export const CarePolicies = z.object({ edit: z.boolean(), delete: z.boolean() });

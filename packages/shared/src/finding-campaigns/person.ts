/** A named record (an org, a campaign, a finder) as the finding responses show it. */
import { z } from 'zod';

export const Person = z.object({ id: z.number().int(), name: z.string() });

import { z } from 'zod';

/** Shapes the training contracts share; not exported from the package. */
export const Named = z.object({ id: z.number().int(), name: z.string() });

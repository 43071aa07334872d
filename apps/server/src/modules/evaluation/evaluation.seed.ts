import type { Db } from '../../db/client';
import type { FieldCrypto } from '../../lib/field-crypto';
import type { ActivityService } from '../activity/activity.service';

export function createEvaluationSeed(_deps: {
  db: Db;
  crypto: FieldCrypto;
  activity: Pick<ActivityService, 'recordSelected'>;
}) {
  return async () => {};
}
export type EvaluationSeed = ReturnType<typeof createEvaluationSeed>;

import { z } from 'zod';
import { RecordId } from './common/ids';

/** The most member forms (党员信息采集表) one request prints: one page each. */
export const MEMBER_FORMS_MAX = 500;

/**
 * The members whose forms to print, in the order to print them (a member named twice prints once).
 * Named one by one, as a user selects rows: a print never grows beyond what the user saw.
 */
export const MemberFormsBody = z.object({
  ids: z
    .array(RecordId('党员编号'), { error: '请选择要打印的党员' })
    .min(1, '请至少选择 1 名党员')
    .max(MEMBER_FORMS_MAX, `一次最多打印 ${MEMBER_FORMS_MAX} 名党员的采集表`),
});
export type MemberFormsBody = z.infer<typeof MemberFormsBody>;

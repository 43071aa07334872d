import { AppError } from '../../../lib/errors';

/** Error codes of the compliance board and its exemptions. */

export const exemptionDates = () =>
  new AppError(400, 'EXEMPTION_DATES', '结束日期不能早于开始日期', [
    { path: 'untilOn', message: '结束日期不能早于开始日期' },
  ]);

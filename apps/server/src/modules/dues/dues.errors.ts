import { monthLabel } from '@ningxin/shared';
import { AppError } from '../../lib/errors';

/** Error codes of Party dues. */

export const memberNotUsable = (path = 'memberId') =>
  new AppError(400, 'MEMBER_NOT_USABLE', '党员不存在、不在册或不在您的管理范围内', [
    { path, message: '党员不存在、不在册或不在您的管理范围内' },
  ]);

export const orgNotUsable = (path = 'orgId') =>
  new AppError(400, 'ORG_NOT_USABLE', '组织不存在、已撤销、不是党支部或不在您的管理范围内', [
    { path, message: '不能为该组织开启台账' },
  ]);

export const baseExists = (year: number) =>
  new AppError(409, 'DUES_BASE_EXISTS', `该党员 ${year} 年度的党费基数已申报，请修改原记录`, [
    { path: 'year', message: '已申报' },
  ]);

export const incomeRequired = () =>
  new AppError(400, 'DUES_INCOME_REQUIRED', '在职和离退休党员请填写月收入（元）', [
    { path: 'incomeYuan', message: '请填写月收入' },
  ]);

export const incomeNotAllowed = () =>
  new AppError(400, 'DUES_INCOME_NOT_ALLOWED', '农民、学生及低保党员按定额交纳，不填月收入', [
    { path: 'incomeYuan', message: '定额交纳，不填月收入' },
  ]);

export const fromMonthOutsideYear = (year: number) =>
  new AppError(400, 'DUES_FROM_MONTH_OUTSIDE_YEAR', `起缴月份应在 ${year} 年内`, [
    { path: 'fromMonth', message: `应在 ${year} 年内` },
  ]);

export const monthExists = (month: string) =>
  new AppError(409, 'DUES_MONTH_EXISTS', `该支部${monthLabel(month)}的党费台账已开启`, [
    { path: 'month', message: '已开启' },
  ]);

export const monthClosed = (month: string) =>
  new AppError(409, 'DUES_MONTH_CLOSED', `${monthLabel(month)}的党费台账已结账，不能再登记或冲正交纳`, [
    { path: 'paidOn', message: `${monthLabel(month)}已结账` },
  ]);

export const monthNotOpen = (month: string) =>
  new AppError(409, 'DUES_MONTH_NOT_OPEN', `支部${monthLabel(month)}的党费台账尚未开启，请先开启再登记交纳`, [
    { path: 'paidOn', message: `${monthLabel(month)}台账未开启` },
  ]);

export const monthAlreadyClosed = () => new AppError(409, 'DUES_MONTH_CLOSED', '该月台账已结账');

export const monthPaid = (month: string) =>
  new AppError(409, 'DUES_MONTH_PAID', `${monthLabel(month)}的党费已交纳，不能重复登记`, [
    { path: 'fromMonth', message: `${monthLabel(month)}已交纳` },
  ]);

export const monthWaived = (month: string) =>
  new AppError(400, 'DUES_MONTH_WAIVED', `${monthLabel(month)}的党费已批准免交`, [
    { path: 'fromMonth', message: `${monthLabel(month)}已免交` },
  ]);

export const noBase = (month: string) =>
  new AppError(
    400,
    'DUES_NO_BASE',
    `${monthLabel(month)}没有党费基数（请先申报 ${month.slice(0, 4)} 年度基数）`,
    [{ path: 'fromMonth', message: `${monthLabel(month)}没有党费基数` }],
  );

export const rangeReversed = () =>
  new AppError(400, 'DUES_RANGE_REVERSED', '截止月份不能早于起始月份', [
    { path: 'toMonth', message: '早于起始月份' },
  ]);

export const rangeTooLong = (max: number) =>
  new AppError(400, 'DUES_RANGE_TOO_LONG', `一次最多登记 ${max} 个月`, [
    { path: 'toMonth', message: `最多 ${max} 个月` },
  ]);

export const paymentReversed = () => new AppError(409, 'DUES_PAYMENT_REVERSED', '该笔交纳已冲正');

export const reliefAmountRequired = () =>
  new AppError(400, 'DUES_RELIEF_AMOUNT_REQUIRED', '减交请填写减交后的每月金额', [
    { path: 'monthlyYuan', message: '请填写每月金额' },
  ]);

export const reliefAmountNotAllowed = () =>
  new AppError(400, 'DUES_RELIEF_AMOUNT_NOT_ALLOWED', '免交不填每月金额', [
    { path: 'monthlyYuan', message: '免交不填金额' },
  ]);

export const reliefState = (label: string) =>
  new AppError(409, 'DUES_RELIEF_STATE', `该申请${label}，不能进行此步骤`);

export const notNextLevel = () =>
  new AppError(
    403,
    'DUES_RELIEF_NEXT_LEVEL',
    '党费减免须由上一级党组织（或流动党委办公室）审批，支部不能自行批准',
  );

export const sameReviewer = () =>
  new AppError(403, 'DUES_RELIEF_SAME_USER', '审议和审批不能由同一人办理，请由上一级党组织的其他人员审批');

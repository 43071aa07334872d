import { AppError } from '../../lib/errors';

/** Error codes of the hometown ledgers. */

export const orgNotUsable = () =>
  new AppError(400, 'ORG_NOT_USABLE', '填报组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '不能以该组织填报' },
  ]);

export const unknownCounty = (path = 'countyCode') =>
  new AppError(400, 'UNKNOWN_COUNTY', '所选县区不是流出地的县区', [{ path, message: '不是流出地的县区' }]);

export const memberNotUsable = (path: string) =>
  new AppError(400, 'MEMBER_NOT_USABLE', '党员不存在或不在您的管理范围内', [
    { path, message: '党员不存在或不在您的管理范围内' },
  ]);

export const signedOnMissing = () =>
  new AppError(400, 'SIGNED_ON_REQUIRED', '项目已签约，请填写签约日期', [
    { path: 'signedOn', message: '请填写签约日期' },
  ]);

export const stageUnchanged = (stage: string) =>
  new AppError(409, 'STAGE_UNCHANGED', `项目已处于“${stage}”阶段`, [
    { path: 'stage', message: '与当前阶段相同' },
  ]);

export const stageBeforeLast = (last: string) =>
  new AppError(400, 'STAGE_DATE_BEFORE_LAST', `阶段日期不能早于上一次变更（${last}）`, [
    { path: 'onDate', message: `不能早于 ${last}` },
  ]);

export const donorMissing = (path: string, message: string) =>
  new AppError(400, 'DONOR_REQUIRED', message, [{ path, message }]);

export const donorFieldNotAllowed = (path: string) =>
  new AppError(400, 'DONOR_FIELD_NOT_ALLOWED', '该字段与捐赠方类型不符', [
    { path, message: '与捐赠方类型不符' },
  ]);

export const orgDonorNotUsable = () =>
  new AppError(400, 'DONOR_ORG_NOT_USABLE', '捐赠组织不存在或已撤销', [
    { path: 'donorOrgId', message: '组织不存在或已撤销' },
  ]);

export const fundsNeedAmount = () =>
  new AppError(400, 'AMOUNT_REQUIRED', '资金捐赠请填写金额', [
    { path: 'amountYuan', message: '请填写捐赠金额' },
  ]);

export const fundsHaveNoItems = () =>
  new AppError(400, 'ITEMS_NOT_ALLOWED', '资金捐赠没有物资清单', [
    { path: 'items', message: '资金捐赠不填物资' },
  ]);

export const goodsNeedItems = () =>
  new AppError(400, 'ITEMS_REQUIRED', '物资捐赠请填写物资清单（名称、数量、估值）', [
    { path: 'items', message: '请至少填写一项物资' },
  ]);

export const goodsAmountMismatch = () =>
  new AppError(400, 'AMOUNT_NOT_ITEMS_SUM', '物资捐赠的金额为各项物资估值之和，不单独填写', [
    { path: 'amountYuan', message: '应为物资估值之和' },
  ]);

export const payRangeReversed = () =>
  new AppError(400, 'PAY_RANGE_REVERSED', '月薪上限不能低于下限', [
    { path: 'payMaxYuan', message: '低于月薪下限' },
  ]);

export const closesBeforePosted = () =>
  new AppError(400, 'CLOSES_BEFORE_POSTED', '截止日期不能早于发布日期', [
    { path: 'closesOn', message: '早于发布日期' },
  ]);

export const postingNotUsable = () =>
  new AppError(400, 'POSTING_NOT_USABLE', '用工信息不存在或不在您的管理范围内', [
    { path: 'postingId', message: '用工信息不存在' },
  ]);

import { LEAD_STATE_LABELS, type LeadState } from '@ningxin/shared';
import { AppError } from '../../../lib/errors';

/** Errors of the finding campaigns (组织找党员). */

export const campaignOrgNotUsable = () =>
  new AppError(400, 'FINDING_ORG_INVALID', '所选组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '组织不可用' },
  ]);

export const unknownDistricts = () =>
  new AppError(400, 'UNKNOWN_DIVISION', '区县不是流入地的区县', [
    { path: 'districts', message: '不是流入地区县' },
  ]);

export const unknownLeadDivision = (field: 'homeCounty' | 'hostDistrict') =>
  new AppError(
    400,
    'UNKNOWN_DIVISION',
    field === 'homeCounty' ? '户籍县区不是流出地的县区' : '所在区县不是流入地的区县',
    [{ path: field, message: field === 'homeCounty' ? '不是流出地县区' : '不是流入地区县' }],
  );

/** A named account that does not hold the role finder (or is disabled, or outside the campaign's reach). */
export const notAFinder = (path = 'finderIds') =>
  new AppError(400, 'FINDING_NOT_A_FINDER', '所选账户不是可用的寻访人员（工作组）', [
    { path, message: '不是本行动可选的寻访人员' },
  ]);

/** A lead is assigned to an account that is not among the campaign's finders. */
export const finderNotInCampaign = () =>
  new AppError(400, 'FINDING_FINDER_NOT_IN_CAMPAIGN', '该寻访人员不在本次行动的工作组中，请先把他加入行动', [
    { path: 'finderId', message: '不在本行动的工作组中' },
  ]);

export const finderStillAssigned = (names: string[]) =>
  new AppError(
    409,
    'FINDING_FINDER_HAS_LEADS',
    `${names.join('、')} 还有未结束的线索，请先把线索改派他人再移出工作组`,
    [{ path: 'finderIds', message: '仍有未结束的线索' }],
  );

export const leadTransition = (from: LeadState, to: LeadState) =>
  new AppError(
    409,
    'FINDING_LEAD_TRANSITION',
    `线索当前为“${LEAD_STATE_LABELS[from]}”，不能变为“${LEAD_STATE_LABELS[to]}”`,
    [{ path: 'stateAfter', message: '不允许的状态变化' }],
  );

export const leadClosed = () => new AppError(409, 'FINDING_LEAD_CLOSED', '线索已结束，不能再修改或记录寻访');

export const notYourLead = () => new AppError(403, 'FORBIDDEN', '这条线索没有分配给您');

export const memberNotLost = () =>
  new AppError(400, 'FINDING_MEMBER_NOT_LOST', '只有失联党员可以转为寻找线索', [
    { path: 'memberId', message: '该党员不是失联状态' },
  ]);

export const memberAlreadyLead = () =>
  new AppError(409, 'FINDING_MEMBER_ALREADY_LEAD', '该党员已是本次行动的线索', [
    { path: 'memberId', message: '已是本行动的线索' },
  ]);

/**
 * Creating the member found a record with the same ID number: link it instead. The record is not
 * named (a finder may not read members); the finder has the person's ID card at hand.
 */
export const memberExists = () =>
  new AppError(
    409,
    'FINDING_MEMBER_EXISTS',
    '该身份证号已登记为党员，无需新建档案，请选择“关联已有档案”',
    [{ path: 'member.idNumber', message: '该身份证号已登记' }],
    { linkable: true },
  );

export const linkNeedsIdNumber = () =>
  new AppError(400, 'VALIDATION_FAILED', '请填写已登记党员的身份证号', [
    { path: 'idNumber', message: '请填写身份证号' },
  ]);

export const linkNoMember = () =>
  new AppError(404, 'FINDING_NO_SUCH_MEMBER', '没有登记这个身份证号的党员，请核对或新建档案', [
    { path: 'idNumber', message: '没有该身份证号的党员' },
  ]);

export const placementNotInCampaign = () =>
  new AppError(400, 'FINDING_PLACEMENT_INVALID', '党员只能编入本次行动的组织或其下级组织', [
    { path: 'member.orgId', message: '不在本行动的组织范围内' },
  ]);

export const periodInvalid = () =>
  new AppError(400, 'VALIDATION_FAILED', '结束日期不能早于开始日期', [
    { path: 'endsOn', message: '结束日期不能早于开始日期' },
  ]);

import { AppError } from '../../../lib/errors';

/** The same ID number is waiting for review already (the partial unique index). */
export const alreadyQueued = () =>
  new AppError(
    409,
    'REGISTRATION_QUEUED',
    '该身份证号已有一份登记正在审核，请勿重复提交；可通过“查询进度”查看',
    [{ path: 'idNumber', message: '已有登记正在审核' }],
  );

/** Status check: the same answer whether the ID number or the phone is wrong. */
export const registrationNotFound = () =>
  new AppError(404, 'REGISTRATION_NOT_FOUND', '未找到登记信息，请核对身份证号和手机号');

export const notWaiting = (stateLabel: string) =>
  new AppError(409, 'REGISTRATION_DECIDED', `该登记已处理（${stateLabel}），不能再次审核`);

export const alreadyMember = () =>
  new AppError(409, 'REGISTRATION_ALREADY_MEMBER', '该身份证号已有党员档案，不能再次接收；请标记为重复登记', [
    { path: 'idNumber', message: '已有党员档案' },
  ]);

export const noExistingMember = () =>
  new AppError(409, 'REGISTRATION_NO_MEMBER', '没有身份证号相同的党员档案，不能标记为重复登记');

export const branchNotUsable = () =>
  new AppError(400, 'REGISTRATION_ORG_INVALID', '所选支部不存在、已撤销或不在您的审核范围内', [
    { path: 'orgId', message: '支部不可用' },
  ]);

export const joinedAtRequired = () =>
  new AppError(400, 'VALIDATION_FAILED', '登记未填写入党日期，请核实后填写', [
    { path: 'joinedAt', message: '请填写入党日期' },
  ]);

export const unknownHomeCounty = (cityName: string) =>
  new AppError(400, 'UNKNOWN_DIVISION', `请选择${cityName}的县（区）`, [
    { path: 'homeCounty', message: `请选择${cityName}的县（区）` },
  ]);

export const unknownHostDistrict = (cityName: string) =>
  new AppError(400, 'UNKNOWN_DIVISION', `请选择${cityName}的区`, [
    { path: 'hostDistrict', message: `请选择${cityName}的区` },
  ]);

export const noReviewer = () => new AppError(503, 'REGISTRATION_UNAVAILABLE', '暂时无法受理登记，请稍后再试');

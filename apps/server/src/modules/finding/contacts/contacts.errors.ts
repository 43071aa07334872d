import { AppError } from '../../../lib/errors';

export const flagResolved = () => new AppError(409, 'FLAG_RESOLVED', '该提示已处理，请刷新后查看');

export const unknownCounty = () =>
  new AppError(400, 'UNKNOWN_HOME_COUNTY', '流出地县区不在本党委的流出地范围内', [
    { path: 'county', message: '不是流出地的县区' },
  ]);

export const nothingToSend = () =>
  new AppError(400, 'FEEDBACK_NOTHING_TO_SEND', '该县区在您的管理范围内没有需要反馈的党员', [
    { path: 'county', message: '没有可反馈的党员' },
  ]);

export const feedbackVersionConflict = () =>
  new AppError(409, 'VERSION_CONFLICT', '该反馈意见已被他人修改，请刷新后再试', [
    { path: 'version', message: '版本已过期' },
  ]);

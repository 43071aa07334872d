import { AppError } from '../../lib/errors';

export const targetOrgsOutOfScope = () =>
  new AppError(400, 'NOTICE_TARGET_OUT_OF_SCOPE', '所选组织不存在、已撤销或不在您的管理范围内', [
    { path: 'target.orgIds', message: '只能选择本组织及下级组织' },
  ]);

export const targetRolesOutOfScope = () =>
  new AppError(400, 'NOTICE_TARGET_OUT_OF_SCOPE', '您只能向本组织及下级的书记、工作组和党员发送通知', [
    { path: 'target.roles', message: '该角色不在您的管理范围内' },
  ]);

/** A named member who is missing or outside the sender's scope: the same answer for both. */
export const targetMembersNotFound = () =>
  new AppError(400, 'NOTICE_TARGET_OUT_OF_SCOPE', '所选党员不存在或不在您的管理范围内', [
    { path: 'target.memberIds', message: '党员不存在或不在管理范围内' },
  ]);

export const targetMemberOffRolls = (name: string) =>
  new AppError(400, 'NOTICE_TARGET_OFF_ROLLS', `党员 ${name} 已不在册，不能接收通知`, [
    { path: 'target.memberIds', message: `${name} 已不在册` },
  ]);

export const targetSpansScopes = () =>
  new AppError(400, 'NOTICE_TARGET_SPANS_SCOPES', '所选对象分属您管理的不同组织，请按组织分别发送', [
    { path: 'target.orgIds', message: '须在同一个所辖组织之内' },
  ]);

export const emptyBody = () =>
  new AppError(400, 'NOTICE_BODY_EMPTY', '正文没有可显示的内容', [
    { path: 'bodyHtml', message: '请填写正文' },
  ]);

export const replyBeforePublish = () =>
  new AppError(400, 'VALIDATION_FAILED', '回复截止时间应晚于发布时间', [
    { path: 'replyBy', message: '回复截止时间应晚于发布时间' },
  ]);

export const alreadyPublished = () => new AppError(409, 'NOTICE_PUBLISHED', '通知已发布，不能再修改');

export const notPublished = () => new AppError(409, 'NOTICE_NOT_PUBLISHED', '通知尚未发布');

export const notTheSender = () =>
  new AppError(403, 'FORBIDDEN', '只有发送人及其上级组织可以查看回执和提醒未读');

export const remindTooSoon = (nextRemindAt: Date) =>
  new AppError(409, 'NOTICE_REMIND_TOO_SOON', '每小时最多提醒一次，请稍后再试', undefined, {
    nextRemindAt: nextRemindAt.toISOString(),
  });

export const nothingToRemind = () => new AppError(409, 'NOTICE_ALL_READ', '所有对象都已阅读，无需提醒');

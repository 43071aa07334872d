import { AppError } from '../../../lib/errors';

/** Error codes of reflections, their comments and the yearly reports. */

export const notAMember = () =>
  new AppError(409, 'NO_MEMBER_RECORD', '当前账户未关联党员档案，不能发表心得或提交报告');

export const subjectNotVisible = () =>
  new AppError(400, 'SUBJECT_NOT_VISIBLE', '所选的学习内容不存在，或您未参加、无权查看', [
    { path: 'subjectId', message: '不能就该内容发表心得' },
  ]);

export const notEditable = (state: string) =>
  new AppError(409, 'REFLECTION_NOT_EDITABLE', `心得体会${state}，不能再修改`);

export const notReviewable = (state: string) =>
  new AppError(409, 'REFLECTION_NOT_REVIEWABLE', `心得体会${state}，不能审核`);

export const returnNeedsComment = () =>
  new AppError(400, 'RETURN_NEEDS_COMMENT', '退回时请填写审核意见', [
    { path: 'comment', message: '请填写退回的原因' },
  ]);

export const notFeaturable = () =>
  new AppError(409, 'REFLECTION_NOT_FEATURABLE', '只有审核通过的心得体会才能精选');

export const commentNotPending = (state: string) =>
  new AppError(409, 'COMMENT_ALREADY_MODERATED', `该评论已审核（${state}）`);

export const reportExists = () =>
  new AppError(409, 'REPORT_EXISTS', '本年度已提交过同类报告，请修改已提交的报告', [
    { path: 'kind', message: '本年度已提交' },
  ]);

export const reportYearAhead = () =>
  new AppError(400, 'REPORT_YEAR_AHEAD', '不能提交以后年度的报告', [{ path: 'year', message: '晚于今年' }]);

export const reportAcknowledged = () => new AppError(409, 'REPORT_ACKNOWLEDGED', '报告已阅，不能再修改');

export const notOpenForComments = () =>
  new AppError(409, 'REFLECTION_NOT_OPEN_FOR_COMMENTS', '只有审核通过的心得体会才能评论');

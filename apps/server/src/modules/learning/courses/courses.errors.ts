import { AppError } from '../../../lib/errors';

/** Error codes of courses, series, heartbeats and quizzes. */

export const publisherNotUsable = () =>
  new AppError(400, 'PUBLISHER_NOT_USABLE', '发布组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '不能以该组织发布' },
  ]);

export const audienceOrgNotUsable = (index: number) =>
  new AppError(400, 'AUDIENCE_ORG_NOT_USABLE', '学习范围中的组织不存在或已撤销', [
    { path: `audienceOrgIds.${index}`, message: '组织不存在' },
  ]);

export const seriesNotFound = () =>
  new AppError(400, 'SERIES_NOT_FOUND', '课程系列不存在', [{ path: 'seriesId', message: '系列不存在' }]);

export const windowReversed = () =>
  new AppError(400, 'PUBLISH_WINDOW_REVERSED', '发布截止时间不能早于发布开始时间', [
    { path: 'publishUntil', message: '早于发布开始时间' },
  ]);

export const quizAnswerOutOfRange = (index: number) =>
  new AppError(400, 'QUIZ_ANSWER_OUT_OF_RANGE', '正确答案不在选项之内', [
    { path: `quiz.questions.${index}.answers`, message: '答案超出选项' },
  ]);

export const quizSingleAnswer = (index: number) =>
  new AppError(400, 'QUIZ_SINGLE_ANSWER', '单选题只能有一个正确答案', [
    { path: `quiz.questions.${index}.answers`, message: '单选题只能有一个答案' },
  ]);

export const quizOnlyRequired = () =>
  new AppError(400, 'QUIZ_ONLY_REQUIRED', '只有必修课程可以设置测验', [
    { path: 'quiz', message: '选修课程不设测验' },
  ]);

export const contentMissing = (path: string, message: string) =>
  new AppError(400, 'COURSE_CONTENT_MISSING', message, [{ path, message }]);

export const transitionNotAllowed = (from: string, to: string) =>
  new AppError(409, 'COURSE_TRANSITION_NOT_ALLOWED', `课程当前为“${from}”，不能改为“${to}”`, [
    { path: 'to', message: '不能改为该状态' },
  ]);

export const courseNotEditable = () =>
  new AppError(409, 'COURSE_NOT_EDITABLE', '课程已有党员开始学习，学习时长、学时和测验不能再修改');

export const noQuiz = () => new AppError(409, 'COURSE_NO_QUIZ', '本课程没有测验');

export const quizNotYet = () =>
  new AppError(409, 'QUIZ_NOT_YET', '请先学完课程（学习时长、页数达到要求）再参加测验');

export const quizAnswersMismatch = (expected: number) =>
  new AppError(400, 'QUIZ_ANSWERS_MISMATCH', `请回答全部 ${expected} 道题`, [
    { path: 'answers', message: `应有 ${expected} 道题的答案` },
  ]);

export const notAMember = () => new AppError(409, 'NO_MEMBER_RECORD', '当前账户未关联党员档案，不能学习课程');

import { AppError, notFound } from '../../../lib/errors';

export const runNotFound = () => notFound('生成任务');
export const runNotDone = () => new AppError(409, 'RUN_NOT_DONE', '反馈汇总表尚未生成完成，请稍后下载');
export const tooManyRuns = () =>
  new AppError(429, 'TOO_MANY_RUNS', '已有反馈汇总表正在生成，请等待其完成后再开始新的生成');

import { AppError } from '../../../lib/errors';

/** Errors of the big screen (数据大屏). */

/** A kiosk link that is unknown or revoked (or a screen opened with neither a link nor a session). */
export const screenTokenInvalid = () =>
  new AppError(401, 'SCREEN_TOKEN_INVALID', '数据大屏链接无效或已作废，请向党委办公室索取新的链接');

import { AppError } from '../../lib/errors';

/** Error codes of the yearly points. */

export const unknownRuleVersion = (version: number) =>
  new AppError(
    400,
    'POINTS_RULE_VERSION_UNKNOWN',
    `积分规则版本 ${version} 没有用于过核算，无法按其重新核算`,
    [{ path: 'ruleVersion', message: '没有这个规则版本的记录' }],
  );

export const notAMember = () => new AppError(403, 'NOT_A_MEMBER', '当前账号没有对应的党员记录');

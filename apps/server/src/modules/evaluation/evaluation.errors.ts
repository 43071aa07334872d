import { AppError } from '../../lib/errors';

/** Error codes of the yearly evaluation (民主评议). */

export const branchNotUsable = () =>
  new AppError(400, 'ORG_NOT_USABLE', '只能为您管理范围内、未撤销的党支部创建民主评议', [
    { path: 'orgId', message: '不是您管理范围内的党支部' },
  ]);

export const closesBeforeOpens = () =>
  new AppError(400, 'VALIDATION_FAILED', '测评截止日期不能早于开始日期', [
    { path: 'closesOn', message: '不能早于开始日期' },
  ]);

export const noMembers = () =>
  new AppError(400, 'EVALUATION_NO_MEMBERS', '该党支部没有在册党员，无法开展民主评议', [
    { path: 'orgId', message: '没有在册党员' },
  ]);

export const roundExists = (year: number) =>
  new AppError(409, 'EVALUATION_ROUND_EXISTS', `该党支部 ${year} 年度的民主评议已经创建`, [
    { path: 'year', message: '该年度已有民主评议' },
  ]);

export const wrongStep = (label: string) =>
  new AppError(409, 'EVALUATION_WRONG_STEP', `民主评议当前处于“${label}”步骤，不能进行此操作`);

export const notParticipant = () => new AppError(404, 'NOT_FOUND', '您不是这次民主评议的参评党员');

export const noVote = () =>
  new AppError(403, 'EVALUATION_NO_VOTE', '预备党员参加民主评议，但没有表决权，不参加民主测评投票');

export const codeHolder = () =>
  new AppError(409, 'EVALUATION_CODE_HOLDER', '您已领取纸质测评码，请用测评码投票');

export const alreadyVoted = () =>
  new AppError(409, 'EVALUATION_ALREADY_VOTED', '您已经投过票，每人只能投一次');

export const badMarks = (message: string) =>
  new AppError(400, 'VALIDATION_FAILED', message, [{ path: 'marks', message }]);

export const selfReview = () =>
  new AppError(400, 'VALIDATION_FAILED', '不能评议自己', [{ path: 'memberId', message: '不能评议自己' }]);

export const notInRound = (path: string) =>
  new AppError(400, 'VALIDATION_FAILED', '不是这次民主评议的参评党员', [{ path, message: '不是参评党员' }]);

export const modeNotSettable = (path: string) =>
  new AppError(400, 'VALIDATION_FAILED', '预备党员不参加投票，不发放测评码', [
    { path, message: '预备党员不发放测评码' },
  ]);

export const codeUnknown = () =>
  new AppError(404, 'EVALUATION_CODE_UNKNOWN', '测评码不存在，请核对后重新输入');

export const codeUsed = () => new AppError(409, 'EVALUATION_CODE_USED', '该测评码已经使用过，不能再次投票');

export const codesExhausted = () =>
  new AppError(409, 'EVALUATION_CODES_EXHAUSTED', '凭测评码投票的人数已达到领取测评码的党员人数，不能再投票');

export const notVoting = () => new AppError(409, 'EVALUATION_NOT_VOTING', '民主测评投票尚未开始或已经结束');

export const slipCodeUnknown = (path: string) =>
  new AppError(400, 'VALIDATION_FAILED', '测评码不是本次评议未使用的测评码', [
    { path, message: '不是本次评议未使用的测评码' },
  ]);

export const gradesIncomplete = (message: string) =>
  new AppError(400, 'VALIDATION_FAILED', message, [{ path: 'grades', message }]);

export const tooManyExcellent = (n: number, max: number, given: number) =>
  new AppError(
    400,
    'EVALUATION_TOO_MANY_EXCELLENT',
    `评为优秀的不能超过参评党员的三分之一：参评 ${n} 人，最多 ${max} 人优秀，现为 ${given} 人`,
    [{ path: 'grades', message: `最多 ${max} 人优秀（参评 ${n} 人），现为 ${given} 人` }],
  );

export const appealClosed = () =>
  new AppError(409, 'EVALUATION_APPEAL_CLOSED', '等次确定后方可申诉，申诉期已过则不能再申诉');

export const alreadyAppealed = () =>
  new AppError(409, 'EVALUATION_ALREADY_APPEALED', '您已对本次评议结果提出过申诉');

export const appealAnswered = () => new AppError(409, 'EVALUATION_APPEAL_ANSWERED', '该申诉已经答复');

export const sameGrade = () =>
  new AppError(400, 'VALIDATION_FAILED', '改定的等次与原等次相同', [
    { path: 'newGrade', message: '与原等次相同' },
  ]);

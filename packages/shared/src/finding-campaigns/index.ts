/**
 * 组织找党员: finding campaigns (寻找党员行动), their leads (线索) and the visits of the finders
 * (工作组) who work them, on a phone. A lead moves new → contacted → visited → found | not_member
 * | not_found; a found lead names the member record it created or linked.
 */
export * from './campaigns';
export * from './leads';
export * from './progress';
export * from './states';

/** Who a training class is for: the audience rule the SQL `audienceHolds` repeats. */

/**
 * Whether a member placed at `memberPath` (materialized path of org ids), holding the positions
 * `titles` in their org, is in a class's audience: inside one of its org subtrees (none: the
 * organizer's subtree), and holding one of its positions (none: any member).
 */
export function inTrainingAudience(
  training: { orgPath: string; audienceOrgIds: readonly number[]; audiencePositions: readonly string[] },
  memberPath: string,
  titles: readonly string[],
): boolean {
  const ancestors = memberPath.split('.').map(Number);
  const within =
    training.audienceOrgIds.length === 0
      ? memberPath === training.orgPath || memberPath.startsWith(`${training.orgPath}.`)
      : training.audienceOrgIds.some((id) => ancestors.includes(id));
  const holds =
    training.audiencePositions.length === 0 || training.audiencePositions.some((p) => titles.includes(p));
  return within && holds;
}

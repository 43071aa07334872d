/** Who a course is for: the rule the SQL `courseAudienceHolds` repeats. */

/**
 * Whether a member placed at `memberPath` (materialized path of org ids), holding the positions
 * `titles` in their org, is in a course's audience: inside one of its org subtrees (none: the
 * publishing org's subtree), and holding one of its positions (none: any member).
 */
export function inCourseAudience(
  course: { orgPath: string; audienceOrgIds: readonly number[]; audiencePositions: readonly string[] },
  memberPath: string,
  titles: readonly string[],
): boolean {
  const ancestors = memberPath.split('.').map(Number);
  const within =
    course.audienceOrgIds.length === 0
      ? memberPath === course.orgPath || memberPath.startsWith(`${course.orgPath}.`)
      : course.audienceOrgIds.some((id) => ancestors.includes(id));
  const holds =
    course.audiencePositions.length === 0 || course.audiencePositions.some((p) => titles.includes(p));
  return within && holds;
}

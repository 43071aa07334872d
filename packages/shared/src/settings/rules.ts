import { z } from 'zod';
import { WholeNumber } from './numbers';

/** The committee's local rules other than dues: meetings, study hours, points. */

/** The meetings a branch must hold at a set frequency (三会一课 and more). */
export const REQUIRED_MEETINGS = [
  'branch_assembly', // 支部党员大会
  'branch_committee', // 支部委员会
  'group_meeting', // 党小组会
  'party_lecture', // 党课
  'theme_day', // 主题党日
  'life_meeting', // 组织生活会
  'talk', // 谈心谈话
] as const;
export const RequiredMeeting = z.enum(REQUIRED_MEETINGS);
export type RequiredMeeting = z.infer<typeof RequiredMeeting>;

export const REQUIRED_MEETING_LABELS: Record<RequiredMeeting, string> = {
  branch_assembly: '支部党员大会',
  branch_committee: '支部委员会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  talk: '谈心谈话',
};

/** How often a meeting must be held, at least. */
export const MEETING_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const MeetingFrequency = z.enum(MEETING_FREQUENCIES, {
  error: '频次应为每月、每季度、每半年或每年',
});
export type MeetingFrequency = z.infer<typeof MeetingFrequency>;

export const MEETING_FREQUENCY_LABELS: Record<MeetingFrequency, string> = {
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
};

/** How many times a year a frequency asks for. */
export const MEETINGS_PER_YEAR: Record<MeetingFrequency, number> = {
  monthly: 12,
  quarterly: 4,
  half_yearly: 2,
  yearly: 1,
};

/** The required frequency of every meeting type; none may be left out. */
export const MeetingFrequencies = z.object(
  Object.fromEntries(REQUIRED_MEETINGS.map((m) => [m, MeetingFrequency])) as Record<
    RequiredMeeting,
    typeof MeetingFrequency
  >,
  { error: '会议频次应为按会议类型列出的对象' },
);
export type MeetingFrequencies = z.infer<typeof MeetingFrequencies>;

export const DEFAULT_MEETING_FREQUENCIES: MeetingFrequencies = {
  branch_assembly: 'quarterly',
  branch_committee: 'monthly',
  group_meeting: 'monthly',
  party_lecture: 'quarterly',
  theme_day: 'monthly',
  life_meeting: 'yearly',
  talk: 'yearly',
};

/** Study hours (学时) a year: members, and secretaries and committee members (cadres). */
export const StudyHours = z
  .object(
    {
      memberHours: WholeNumber('党员年度学时', 1, 500),
      cadreHours: WholeNumber('书记和委员年度学时', 1, 500),
      cadreTrainings: WholeNumber('书记和委员年度集中培训', 0, 12),
    },
    { error: '学时要求应为对象' },
  )
  .superRefine((v, ctx) => {
    if (v.cadreHours < v.memberHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['cadreHours'],
        message: `书记和委员的学时要求不应低于党员（${v.memberHours} 学时）`,
      });
    }
  });
export type StudyHours = z.infer<typeof StudyHours>;

export const DEFAULT_STUDY_HOURS: StudyHours = { memberHours: 32, cadreHours: 56, cadreTrainings: 1 };

/**
 * Points (积分) of a year: a base every member in good standing gets, points for tasks
 * (meetings, study, volunteering) up to a cap, and bonus points (contributions to the home city,
 * honours) up to a cap. The year's full score is the sum of the three.
 */
export const PointsRules = z
  .object(
    {
      base: WholeNumber('基础分', 0, 1000),
      tasksCap: WholeNumber('任务分上限', 0, 1000),
      bonusCap: WholeNumber('奖励分上限', 0, 1000),
      perMeeting: WholeNumber('每参加一次组织生活', 0, 100),
      perStudyHour: WholeNumber('每学时', 0, 100),
      perVolunteerHour: WholeNumber('每小时志愿服务', 0, 100),
      perContribution: WholeNumber('每项服务家乡贡献', 0, 100),
      perHonour: WholeNumber('每项荣誉', 0, 100),
    },
    { error: '积分规则应为对象' },
  )
  .superRefine((v, ctx) => {
    const total = v.base + v.tasksCap + v.bonusCap;
    if (total === 0) ctx.addIssue({ code: 'custom', path: ['base'], message: '年度满分应大于 0' });
    if (total > 1000) {
      ctx.addIssue({
        code: 'custom',
        path: ['base'],
        message: `年度满分不能超过 1000 分（现为 ${total} 分）`,
      });
    }
  });
export type PointsRules = z.infer<typeof PointsRules>;

/** The year's full score of the rules. */
export const pointsYearTotal = (rules: PointsRules) => rules.base + rules.tasksCap + rules.bonusCap;

/**
 * A 100-point year: base 20, tasks 70, bonus 10. One point for each meeting attended, each study
 * hour and each hour of volunteering, so a member who attends all the required meetings (about
 * 34 a year) and studies the required 32 hours comes close to the tasks cap, and volunteering
 * reaches it; 2 points for each contribution and 5 for each honour, within the bonus cap.
 */
export const DEFAULT_POINTS_RULES: PointsRules = {
  base: 20,
  tasksCap: 70,
  bonusCap: 10,
  perMeeting: 1,
  perStudyHour: 1,
  perVolunteerHour: 1,
  perContribution: 2,
  perHonour: 5,
};

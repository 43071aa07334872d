import { z } from 'zod';
import { Version } from './common/ids';
import { Text } from './common/text';
import { DEFAULT_DUES_RULES, DuesRules } from './settings/dues';
import { MEGABYTE, megabytesText, WholeNumber } from './settings/numbers';
import {
  DEFAULT_MEETING_FREQUENCIES,
  DEFAULT_POINTS_RULES,
  DEFAULT_STUDY_HOURS,
  MeetingFrequencies,
  PointsRules,
  StudyHours,
} from './settings/rules';

export * from './settings/dues';
export * from './settings/numbers';
export * from './settings/rules';

/**
 * Committee settings (参数设置): the rules DOMAIN.md calls local practice, edited by the committee
 * office. Each setting has a key, a Chinese label and description, a group, the schema of its
 * value and its default; a setting never changed has its default.
 */

export const SETTING_GROUPS = ['members', 'life', 'learning', 'dues', 'points', 'service', 'system'] as const;
export const SettingGroup = z.enum(SETTING_GROUPS);
export type SettingGroup = z.infer<typeof SettingGroup>;

export const SETTING_GROUP_LABELS: Record<SettingGroup, string> = {
  members: '党员管理',
  life: '组织生活',
  learning: '学习教育',
  dues: '党费',
  points: '积分',
  service: '志愿服务',
  system: '系统',
};

/** A number inside an object value, as the form shows it. */
export interface SettingField {
  name: string;
  label: string;
  unit: string;
}

export interface SettingDefinition<S extends z.ZodType = z.ZodType> {
  group: SettingGroup;
  label: string;
  description: string;
  schema: S;
  defaultValue: z.infer<S>;
  /** The unit of a one-number value. */
  unit?: string;
  /** The numbers of an object value, in the order the form shows them. */
  fields?: readonly SettingField[];
}

const define = <S extends z.ZodType>(definition: SettingDefinition<S>) => definition;

export const SETTINGS = {
  'members.lostContactDays': define({
    group: 'members',
    label: '失联判定天数',
    description:
      '党员连续这么多天没有组织生活、党费或联系记录时，系统提示为疑似失联，由党组织核实处理。系统只提示，不会自动变更党员状态。',
    unit: '天',
    schema: WholeNumber('失联判定天数', 30, 730),
    defaultValue: 180,
  }),
  'members.certificateMaxMonths': define({
    group: 'members',
    label: '流动党员活动证最长有效期',
    description:
      '签发或换发流动党员活动证时，有效期至不能晚于签发日期后这么多个月。外出 1 至 6 个月的党员持活动证；组织关系暂不能转移的，可持证更长时间，到期换发。',
    unit: '个月',
    schema: WholeNumber('活动证最长有效期', 1, 36),
    defaultValue: 12,
  }),
  'members.paperNumberPrefixes': define({
    group: 'members',
    label: '证件编号字头',
    description:
      '流动党员活动证和组织关系介绍信编号的字头，编号形如“字头〔年份〕0001”，每年从 0001 起。按本流动党委所在的流出地填写（如张家口为“张流证”“张组转”）；修改后新签发的证件使用新字头，已签发的不变。',
    schema: z.object({
      certificate: Text('活动证编号字头', { min: 1, max: 8 }),
      transfer: Text('介绍信编号字头', { min: 1, max: 8 }),
    }),
    defaultValue: { certificate: '张流证', transfer: '张组转' },
    fields: [
      { name: 'certificate', label: '流动党员活动证', unit: '' },
      { name: 'transfer', label: '组织关系介绍信', unit: '' },
    ],
  }),
  'life.meetingFrequencies': define({
    group: 'life',
    label: '组织生活频次',
    description:
      '各类会议的最低召开频次，用于组织生活提醒和统计。党课每年至少由书记讲一次；组织生活会、谈心谈话每年至少一次。',
    schema: MeetingFrequencies,
    defaultValue: DEFAULT_MEETING_FREQUENCIES,
  }),
  'life.signInWindow': define({
    group: 'life',
    label: '扫码签到时间',
    description:
      '会议、培训和志愿服务的签到二维码从开始前多少分钟起可用，到开始后多少分钟止。超出这段时间扫码，系统提示签到尚未开始或已结束，由书记手工补记。',
    schema: z.object(
      {
        beforeMinutes: WholeNumber('开始前可签到分钟数', 0, 24 * 60),
        afterMinutes: WholeNumber('开始后可签到分钟数', 10, 24 * 60),
      },
      { error: '签到时间应为对象' },
    ),
    defaultValue: { beforeMinutes: 30, afterMinutes: 120 },
    fields: [
      { name: 'beforeMinutes', label: '开始前', unit: '分钟' },
      { name: 'afterMinutes', label: '开始后', unit: '分钟' },
    ],
  }),
  'learning.studyHours': define({
    group: 'learning',
    label: '年度学时要求',
    description: '党员每年学习不少于规定学时；党支部书记和委员的学时要求更高，并须参加集中培训。',
    schema: StudyHours,
    defaultValue: DEFAULT_STUDY_HOURS,
    fields: [
      { name: 'memberHours', label: '党员', unit: '学时' },
      { name: 'cadreHours', label: '书记和委员', unit: '学时' },
      { name: 'cadreTrainings', label: '书记和委员集中培训', unit: '次' },
    ],
  }),
  'learning.lectureHours': define({
    group: 'learning',
    label: '党课学时',
    description: '党员参加党课（签到或迟到）计入的学时；会议登记了学时的，按会议登记的学时计。',
    unit: '学时',
    schema: WholeNumber('党课学时', 0, 24),
    defaultValue: 2,
  }),
  'dues.rules': define({
    group: 'dues',
    label: '党费交纳标准',
    description:
      '在职党员按每月税后收入、离退休党员按每月养老金分档计算党费，收入恰好等于上限的按该档计算；农民党员按省级党委规定的定额（0.2 至 1 元）；学生党员及领取最低生活保障金的党员按定额。',
    schema: DuesRules,
    defaultValue: DEFAULT_DUES_RULES,
  }),
  'points.rules': define({
    group: 'points',
    label: '积分规则',
    description:
      '年度积分 = 基础分 + 任务分（组织生活、学习、志愿服务，不超过上限）+ 奖励分（服务家乡贡献、荣誉，不超过上限）。每次修改或恢复默认，规则版本号加一，积分记录注明所依据的版本。',
    schema: PointsRules,
    defaultValue: DEFAULT_POINTS_RULES,
    fields: [
      { name: 'base', label: '基础分', unit: '分' },
      { name: 'tasksCap', label: '任务分上限', unit: '分' },
      { name: 'bonusCap', label: '奖励分上限', unit: '分' },
      { name: 'perMeeting', label: '每参加一次组织生活', unit: '分' },
      { name: 'perStudyHour', label: '每学时', unit: '分' },
      { name: 'perVolunteerHour', label: '每小时志愿服务', unit: '分' },
      { name: 'perContribution', label: '每项服务家乡贡献', unit: '分' },
      { name: 'perHonour', label: '每项荣誉', unit: '分' },
    ],
  }),
  'service.checkoutGraceMinutes': define({
    group: 'service',
    label: '志愿服务签退宽限时间',
    description:
      '班次结束后超过这段时间仍未签退的，系统每天自动按班次计划结束时间签退并标注“自动签退”，未签到的记为未到岗；点位负责人每天收到未签退名单。',
    unit: '分钟',
    schema: WholeNumber('签退宽限时间', 0, 24 * 60),
    defaultValue: 120,
  }),
  'auth.passwordMaxAgeDays': define({
    group: 'system',
    label: '密码有效期',
    description:
      '账户的密码超过这个天数未修改的，下次登录后须先修改密码，修改前只能访问“当前用户”“修改密码”“退出”；0 表示不限制。',
    unit: '天',
    schema: WholeNumber('密码有效期', 0, 366),
    defaultValue: 90,
  }),
  'upload.maxBytes': define({
    group: 'system',
    label: '上传文件大小上限',
    description: '单个附件（照片、扫描件、文档）的最大大小。附件保存在数据库中，文件越大，备份越慢。',
    unit: 'MB',
    schema: WholeNumber('上传文件大小上限', MEGABYTE, 500 * MEGABYTE, megabytesText),
    defaultValue: 20 * MEGABYTE,
  }),
  'screen.refreshSeconds': define({
    group: 'system',
    label: '数据大屏刷新间隔',
    description: '数据大屏每隔多少秒重新读取一次数据。记录改动后，大屏在下一次刷新时显示新的数字。',
    unit: '秒',
    schema: WholeNumber('数据大屏刷新间隔', 10, 3600),
    defaultValue: 60,
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
/** Every setting's value, by key. */
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(SETTINGS) as [SettingKey, ...SettingKey[]];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** Every setting's default, by key (copies: changing one changes no default). */
export function settingDefaults(): SettingValues {
  return Object.fromEntries(
    SETTING_KEYS.map((k) => [k, JSON.parse(JSON.stringify(SETTINGS[k].defaultValue))]),
  ) as SettingValues;
}

// ---- contracts ----

/** A setting's key in a path: a key no setting has names nothing, so it answers 404. */
const SettingKeyParam = z
  .string()
  .transform((value, ctx) => {
    if (isSettingKey(value)) return value;
    ctx.issues.push({ code: 'custom', input: value, message: '设置项不存在', params: { status: 404 } });
    return z.NEVER;
  })
  .meta({ type: 'string', enum: SETTING_KEYS } as never);

export const SettingKeyParams = z.object({ key: SettingKeyParam });

export const SettingUpdateBody = z.object({
  /** The new value, checked by the setting's own schema after the version. */
  value: z.unknown().meta({ description: '设置项的新值，格式见各设置项' }),
  /** The version the edit was based on. */
  version: Version,
});
export type SettingUpdateBody = z.infer<typeof SettingUpdateBody>;

const settingMeta = {
  group: SettingGroup,
  groupLabel: z.string(),
  label: z.string(),
  description: z.string(),
  unit: z.string().nullable(),
  /** Whether the committee has changed it (false: it follows the default). */
  changed: z.boolean(),
  /** Goes up by one at every change and every reset; 0 for a setting never changed. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** Who changed it last; shown to those who may change settings. */
  updatedBy: z.string().nullable(),
  /** What the user may do with it. */
  policies: z.object({ update: z.boolean(), reset: z.boolean() }),
};

type SettingMeta = z.infer<z.ZodObject<typeof settingMeta>>;
type SettingResponseOf<K extends SettingKey> = SettingMeta & {
  key: K;
  value: SettingValue<K>;
  defaultValue: SettingValue<K>;
};
/** One setting with its value, its default and who changed it; narrowed by `key`. */
export type SettingResponse = { [K in SettingKey]: SettingResponseOf<K> }[SettingKey];

const responseOf = (key: SettingKey) => {
  const schema = SETTINGS[key].schema as z.ZodType;
  return z.object({ key: z.literal(key), value: schema, defaultValue: schema, ...settingMeta });
};

export const SettingResponse = z
  .discriminatedUnion('key', SETTING_KEYS.map(responseOf) as [ReturnType<typeof responseOf>])
  .meta({ id: 'Setting' }) as unknown as z.ZodType<SettingResponse>;

export const SettingListResponse = z.object({ items: z.array(SettingResponse) });
export type SettingListResponse = z.infer<typeof SettingListResponse>;

import type {
  StatsFlowResponse,
  StatsMemberDimension,
  StatsMembersResponse,
  StatsTopic,
  StatsTopicResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const statsKeys = {
  members: (by: StatsMemberDimension) => ['stats', 'members', by] as const,
  flow: (year: number) => ['stats', 'flow', year] as const,
  topic: (topic: StatsTopic, year: number) => ['stats', topic, year] as const,
};

/** The topics that take a year (the finding curve is of a campaign). */
const yearOf = (topic: StatsTopic, year: number) => (topic === 'finding' ? {} : { year });

export const statsApi = {
  members: (by: StatsMemberDimension) => api<StatsMembersResponse>('/stats/members', { query: { by } }),
  flow: (year: number) => api<StatsFlowResponse>('/stats/members/flow', { query: { year } }),
  topic: (topic: StatsTopic, year: number) =>
    api<StatsTopicResponse>(`/stats/${topic}`, { query: yearOf(topic, year) }),

  membersExportUrl: (by: StatsMemberDimension) => apiUrl('/stats/members.xlsx', { by }),
  flowExportUrl: (year: number) => apiUrl('/stats/members/flow.xlsx', { year }),
  topicExportUrl: (topic: StatsTopic, year: number) => apiUrl(`/stats/${topic}.xlsx`, yearOf(topic, year)),
};

/** The member list's address showing the members behind a figure. */
export const memberListLink = (filter: Record<string, string>) => `/members?${new URLSearchParams(filter)}`;

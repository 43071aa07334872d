/** The `audit` texts in English, loaded only when English is chosen. */
import type { auditText } from '../audit';

export const auditTextEn: typeof auditText = {
  title: 'Audit log',
  actor: 'Actor',
  actorPlaceholder: 'Username',
  action: 'Action',
  targetType: 'Target type',
  targetId: 'Target ID',
  seq: 'No.',
  targetTypePlaceholder: 'e.g. org, user',
  timeRange: 'Time range',
  time: 'Time',
  target: 'Target',
  ip: 'IP',
  before: 'Before',
  after: 'After',
  empty: '(none)',
  verify: 'Verify integrity',
  intact: 'The audit log is intact: {{rows}} entries',
  broken: 'Tampered from entry {{seq}}: {{reason}}',
  shown: '{{count}} entries shown',
  allActions: 'All actions',
};

/** Refreshes every meetings query after a change. */
import { useQueryClient } from '@tanstack/react-query';
import { meetingKeys } from './life.api';

export function useRefreshMeetings() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: meetingKeys.all });
}

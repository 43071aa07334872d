import type { VolunteerAssignmentResponse } from '@ningxin/shared';
import { Tag } from '../../../components/plain/Tag';

const STATE_COLORS: Record<VolunteerAssignmentResponse['state'], string> = {
  scheduled: 'blue',
  checked_in: 'green',
  checked_out: 'default',
  no_show: 'red',
};

/** A place's state (and a walk-in's source, an automatic check-out) as tags. */
export function PlaceTags({ place }: { place: VolunteerAssignmentResponse }) {
  return (
    <>
      <Tag color={STATE_COLORS[place.state]} data-testid="place-state">
        {place.stateLabel}
      </Tag>
      {place.source === 'walk_in' ? <Tag color="orange">{place.sourceLabel}</Tag> : null}
      {place.autoClosed ? <Tag>自动签退</Tag> : null}
    </>
  );
}

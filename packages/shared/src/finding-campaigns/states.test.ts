import { describe, expect, it } from 'vitest';
import { LEAD_STATES, leadTransitionAllowed } from './states';

describe('lead state transitions', () => {
  it('moves forward through contact and visit to an end, and may skip a step', () => {
    expect(leadTransitionAllowed('new', 'contacted')).toBe(true);
    expect(leadTransitionAllowed('new', 'visited')).toBe(true);
    expect(leadTransitionAllowed('contacted', 'visited')).toBe(true);
    expect(leadTransitionAllowed('visited', 'found')).toBe(true);
    expect(leadTransitionAllowed('new', 'not_member')).toBe(true);
    expect(leadTransitionAllowed('contacted', 'not_found')).toBe(true);
  });

  it('allows another visit in the same state but never a step back', () => {
    expect(leadTransitionAllowed('contacted', 'contacted')).toBe(true);
    expect(leadTransitionAllowed('visited', 'visited')).toBe(true);
    expect(leadTransitionAllowed('visited', 'contacted')).toBe(false);
    expect(leadTransitionAllowed('contacted', 'new')).toBe(false);
    expect(leadTransitionAllowed('new', 'new')).toBe(false);
  });

  it('keeps an ended lead where it ended', () => {
    for (const end of ['found', 'not_member', 'not_found'] as const)
      for (const to of LEAD_STATES) expect(leadTransitionAllowed(end, to), `${end} → ${to}`).toBe(false);
  });
});

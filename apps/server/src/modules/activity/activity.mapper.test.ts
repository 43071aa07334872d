import { describe, expect, it } from 'vitest';
import { mapItem, mapTotals } from './activity.mapper';

describe('mapTotals', () => {
  it('lists the kinds with entries in the kinds’ order, sums as numbers, units by kind', () => {
    expect(
      mapTotals([
        { kind: 'status_changed', quantity: '2.00', entries: 2 },
        { kind: 'dues_paid', quantity: '3020.00', entries: 2 },
        { kind: 'study_hours', quantity: '4.50', entries: 3 },
      ]),
    ).toEqual([
      { kind: 'study_hours', unit: 'class_hours', quantity: 4.5, entries: 3 },
      { kind: 'dues_paid', unit: 'fen', quantity: 3020, entries: 2 },
      { kind: 'status_changed', unit: 'times', quantity: 2, entries: 2 },
    ]);
  });
});

describe('mapItem', () => {
  it('sends the row’s facts, never its member or path', () => {
    const item = mapItem(
      {
        id: 7,
        memberId: 12,
        kind: 'volunteer_hours',
        occurredOn: '2025-07-20',
        quantity: '4.00',
        unit: 'hours',
        sourceModule: 'service',
        sourceId: '31',
        orgId: 5,
        orgPath: '1.2.5',
        title: '平安守望',
        createdAt: new Date('2025-07-20T10:00:00Z'),
      },
      { orgName: '建筑业流动党支部', statusChange: null },
    );
    expect(item).toEqual({
      id: 7,
      kind: 'volunteer_hours',
      occurredOn: '2025-07-20',
      quantity: 4,
      unit: 'hours',
      title: '平安守望',
      orgId: 5,
      orgName: '建筑业流动党支部',
      source: { module: 'service', id: '31' },
      recordedAt: '2025-07-20T10:00:00.000Z',
      statusChange: null,
    });
  });
});

import { SYSTEM_ACTOR } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { actorLabel } from './format';

describe('actorLabel', () => {
  it('names an account by its display name, else by the logged username', () => {
    expect(actorLabel({ actorName: 'office', actorDisplayName: '流动党委办公室' })).toBe('流动党委办公室');
    expect(actorLabel({ actorName: 'ghost', actorDisplayName: null })).toBe('ghost');
    expect(actorLabel({ actorName: null, actorDisplayName: null })).toBe('—');
  });

  it("shows the system's own entries by the label given, and as logged where none is given", () => {
    const system = { actorName: SYSTEM_ACTOR, actorDisplayName: null };
    expect(actorLabel(system, '系统')).toBe('系统');
    expect(actorLabel(system)).toBe(SYSTEM_ACTOR);
    // An account that happens to be called "system" keeps its display name.
    expect(actorLabel({ actorName: SYSTEM_ACTOR, actorDisplayName: '值班员' }, '系统')).toBe('值班员');
  });
});

// Policy display names have one owner, the kind registry (shared/match/kinds.ts).
import { describe, it, expect } from 'vitest';
import { hasPolicyLabel, policiesFor, policyLabel, registeredKinds } from '../../../shared/match/kinds.ts';

describe('policy display names', () => {
  it('[MATCH-KIND-LABEL-1] every registered policy of every kind has a display name of its own, which its maker carries', () => {
    for (const kind of registeredKinds()) {
      for (const policy of policiesFor(kind)) {
        expect(policy.label, `${kind}: ${policy.name}`).toBe(policyLabel(policy.name));
        expect(hasPolicyLabel(policy.name), `${kind}: ${policy.name} has no display name`).toBe(true);
      }
    }
  });

  it('[MATCH-KIND-LABEL-1] the names players read: first fit, lowest buddy, fullest partial, the clairvoyant', () => {
    expect(policyLabel('first-fit-address')).toBe('first fit');
    expect(policyLabel('buddy-lowest')).toBe('lowest buddy');
    expect(policyLabel('slab-fullest')).toBe('fullest partial');
    expect(policyLabel('clairvoyant')).toBe('clairvoyant');
  });

  it('[MATCH-KIND-LABEL-1] a name outside the registry reads as words', () => {
    expect(hasPolicyLabel('kmalloc-pow2')).toBe(false);
    expect(policyLabel('kmalloc-pow2')).toBe('kmalloc pow2');
  });
});

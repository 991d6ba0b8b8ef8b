import { describe, expect, it } from 'vitest';
import { shownPerGroup } from '../../../../src/renderer/src/pages/lab/progressive-reveal';

describe('shownPerGroup', () => {
  it('fills the groups in page order and leaves the later ones empty', () => {
    expect(shownPerGroup([3, 3, 94], 12)).toEqual([3, 3, 6]);
    expect(shownPerGroup([10, 5], 12)).toEqual([10, 2]);
    expect(shownPerGroup([20, 5], 12)).toEqual([12, 0]);
  });

  it('shows every card once the count reaches the total', () => {
    expect(shownPerGroup([3, 3, 94], 100)).toEqual([3, 3, 94]);
    expect(shownPerGroup([3, 3, 94], 108)).toEqual([3, 3, 94]);
  });

  it('shows nothing of empty groups', () => {
    expect(shownPerGroup([0, 4], 12)).toEqual([0, 4]);
    expect(shownPerGroup([], 12)).toEqual([]);
  });
});

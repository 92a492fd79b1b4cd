import { describe, expect, it } from 'vitest';
import { warningTransition } from './warning-transition.js';

describe('warningTransition', () => {
  it('opens only when leaving green', () => {
    expect(warningTransition(null, 'green')).toBeNull();
    expect(warningTransition(null, 'yellow')).toBe('opened');
    expect(warningTransition(null, 'red')).toBe('opened');
  });

  it('raises, lowers, keeps and closes an open warning', () => {
    expect(warningTransition('yellow', 'orange')).toBe('raised');
    expect(warningTransition('red', 'orange')).toBe('lowered');
    expect(warningTransition('orange', 'orange')).toBeNull();
    expect(warningTransition('red', 'green')).toBe('closed');
  });
});

import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
  });

  it('masks other lengths without showing the middle', () => {
    expect(maskPhone('02158881234')).toBe('021****1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('7')).toBe('*');
  });

  it('has nothing to mask when there is no number', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('  ')).toBeNull();
  });
});

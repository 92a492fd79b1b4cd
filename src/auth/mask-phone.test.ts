import { describe, expect, it } from 'vitest';
import { maskPhone, maskPhonesInText } from './mask-phone.js';

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

describe('maskPhonesInText', () => {
  it('masks a mobile number written whole, grouped with spaces or dashes, or after +86', () => {
    expect(maskPhonesInText('她先生电话13912345678，晚上打')).toBe('她先生电话139****5678，晚上打');
    expect(maskPhonesInText('call 139 1234 5678 or 139-1234-5679')).toBe('call 139****5678 or 139****5679');
    expect(maskPhonesInText('+86 139 1234 5678')).toBe('139****5678');
    expect(maskPhonesInText('8613912345678')).toBe('139****5678');
  });

  it('leaves other numbers alone: too short, not a mobile prefix, or inside a longer run of digits', () => {
    expect(maskPhonesInText('喜欢喝美式，两个孩子，10岁和7岁')).toBe('喜欢喝美式，两个孩子，10岁和7岁');
    expect(maskPhonesInText('1391234567')).toBe('1391234567');
    expect(maskPhonesInText('12912345678')).toBe('12912345678');
    expect(maskPhonesInText('订单 2024061513912345678')).toBe('订单 2024061513912345678');
    expect(maskPhonesInText('already 139****5678')).toBe('already 139****5678');
  });
});

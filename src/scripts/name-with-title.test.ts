import { describe, expect, it } from 'vitest';
import { nameWithTitle, parseGender } from './name-with-title.js';

describe('nameWithTitle', () => {
  it('surname and title when the gender is known', () => {
    expect(nameWithTitle('张伟', 'male')).toEqual({ 'zh-CN': '张先生', en: '张伟' });
    expect(nameWithTitle('王芳', 'female')).toEqual({ 'zh-CN': '王女士', en: '王芳' });
    expect(nameWithTitle('欧阳娜娜', 'female')).toEqual({ 'zh-CN': '欧阳女士', en: '欧阳娜娜' });
  });

  it('the full name when nothing is known: no guessing', () => {
    expect(nameWithTitle(' 张伟 ', null)).toBe('张伟');
  });

  it('a recorded honorific wins over the gender', () => {
    expect(nameWithTitle('张伟', 'male', '总')).toEqual({ 'zh-CN': '张总', en: '张伟' });
    expect(nameWithTitle('王芳', null, '王老师')).toEqual({ 'zh-CN': '王老师', en: '王芳' });
  });

  it('a Latin-script name takes Mr / Ms and the last word as surname', () => {
    expect(nameWithTitle('Anna  Becker', 'female')).toEqual({ 'zh-CN': 'Becker女士', en: 'Ms Becker' });
  });
});

describe('parseGender', () => {
  it('reads the usual CRM spellings', () => {
    expect(['male', 'M', '男', '先生', 'Mr.'].map(parseGender)).toEqual(['male', 'male', 'male', 'male', 'male']);
    expect(['female', 'F', '女', '女士', 'Mrs'].map(parseGender)).toEqual(['female', 'female', 'female', 'female', 'female']);
    expect([undefined, 3, 'x', ''].map(parseGender)).toEqual([null, null, null, null]);
  });
});

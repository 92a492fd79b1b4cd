import { describe, expect, it } from 'vitest';
import { hashPassword, TEST_COST, verifyPassword } from './hash-password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse', TEST_COST);
    expect(stored).toMatch(/^scrypt\$ln=10,r=8,p=1\$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords give different strings', async () => {
    expect(await hashPassword('same', TEST_COST)).not.toBe(await hashPassword('same', TEST_COST));
  });

  it('uses the memory-hard default cost unless told otherwise', async () => {
    const stored = await hashPassword('slow on purpose');
    expect(stored).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword('slow on purpose', stored)).toBe(true);
  });

  it('never matches a malformed hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$ln=99,r=8,p=1$AAAA$AAAA')).toBe(false);
  });
});

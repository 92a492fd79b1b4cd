import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { storeZone } from './store-zone.js';

describe('storeZone', () => {
  it('answers exactly inside an hour holding a half-hour shift (Lord Howe, 5 Oct 2024 15:30Z: +10:30 → +11)', () => {
    const zone = storeZone('Australia/Lord_Howe');
    const shift = Date.UTC(2024, 9, 5, 15, 30);
    // The hour's start is asked first, so a zone remembering whole hours blindly would answer +10:30 after the shift.
    expect(zone.offset(Date.UTC(2024, 9, 5, 15, 0))).toBe(630);
    expect(zone.offset(shift - 1)).toBe(630);
    expect(zone.offset(shift)).toBe(660);
    expect(zone.offset(Date.UTC(2024, 9, 5, 15, 59))).toBe(660);
  });

  it('agrees with the plain IANA zone around a daylight-saving change, hour after hour', () => {
    const zone = storeZone('America/New_York');
    const plain = IANAZone.create('America/New_York');
    for (let ts = Date.UTC(2024, 2, 10, 0); ts < Date.UTC(2024, 2, 10, 12); ts += 17 * 60_000) {
      expect(zone.offset(ts)).toBe(plain.offset(ts));
    }
  });

  it('agrees with the plain IANA zone all year round, shift days included, in zones with and without summer time', () => {
    for (const name of ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago']) {
      const zone = storeZone(name);
      const plain = IANAZone.create(name);
      const wrong: number[] = [];
      for (let ts = Date.UTC(2024, 0, 1); ts < Date.UTC(2025, 0, 1); ts += 37 * 60_000) if (zone.offset(ts) !== plain.offset(ts)) wrong.push(ts);
      expect([name, wrong]).toEqual([name, []]);
    }
  });

  it('is one instance per name, equal to the IANA zone, and keeps local time across a shift in calendar arithmetic', () => {
    expect(storeZone('Asia/Shanghai')).toBe(storeZone('Asia/Shanghai'));
    expect(storeZone('Asia/Shanghai').equals(IANAZone.create('Asia/Shanghai'))).toBe(true);
    const before = DateTime.fromISO('2024-03-09T10:00', { zone: storeZone('America/New_York') });
    expect(before.plus({ days: 1 }).toISO()).toBe('2024-03-10T10:00:00.000-04:00');
  });

  it('an unknown zone stays invalid, as a zone name would', () => {
    expect(storeZone('Mars/Olympus').isValid).toBe(false);
    expect(DateTime.fromISO('2024-03-09T10:00', { zone: storeZone('Mars/Olympus') }).isValid).toBe(false);
  });
});

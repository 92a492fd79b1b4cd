import { describe, expect, it } from 'vitest';
import { careMoments } from '../domain/care/care-result.js';
import { defaultPrograms } from './default-programs.js';
import { parsePrograms } from './parse-programs.js';

const doc = (): Record<string, any> => structuredClone(defaultPrograms()) as Record<string, any>;

function errorsOf(input: unknown) {
  const r = parsePrograms(input);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.errors;
}

describe('the default program document', () => {
  it('is valid, versioned and frozen', () => {
    const d = defaultPrograms();
    expect(d.version).toBe('default-3');
    expect(Object.isFrozen(d.programs[0]!.steps)).toBe(true);
  });

  it('survives a JSON round trip (it is stored as a document)', () => {
    const r = parsePrograms(JSON.parse(JSON.stringify(defaultPrograms())));
    expect(r.ok && r.document).toEqual(defaultPrograms());
  });

  it('ships a preset for every section §1–§9 and every care moment of §13', () => {
    expect(defaultPrograms().programs.map((p) => p.id)).toEqual([
      'early_warning_yellow', 'early_warning_orange', 'early_warning_red', 'health_red', 'health_orange', 'health_yellow',
      'waiting_time', 'post_service', 'low_rating', 'complaint_open', 'complaint_after', 'maintenance_chase', 'nps_drop',
      'cancellation', 'social_negative', 'contact_invalid', 'silent_yellow', 'silent_orange', 'silent_red', 'dormant_wakeup',
      'recall_level_1', 'recall_level_2', 'recall_level_3', 'return_ritual', 'observation',
      'care_contact', 'care_birthday', 'care_anniversary', 'care_mileage_milestone', 'care_first_service', 'care_warranty',
      'care_software_update', 'care_holiday', 'care_bad_weather', 'give_up',
    ]);
    const moments = defaultPrograms().programs.flatMap((p) => (p.trigger.kind === 'care' ? [p.trigger.moment] : []));
    expect([...moments].sort()).toEqual([...careMoments].sort());
  });

  it('refuses a moment anchor outside a care program, and a step after an event anchored on a moment', () => {
    const d = doc();
    d.programs[0].steps[0].anchor = 'moment';
    expect(errorsOf(d)).toEqual([{ path: 'programs.0.steps.0.anchor', message: 'only a care program has a moment to count from' }]);
    const c = doc();
    const care = c.programs.findIndex((p: { id: string }) => p.id === 'care_birthday');
    c.programs[care].steps[0].after = 'reply';
    expect(errorsOf(c)).toEqual([{ path: `programs.${care}.steps.0.anchor`, message: 'a step after "reply" counts its offset from that event, not from the care moment' }]);
  });
});

describe('refusing a bad program with the path of the field', () => {
  it('a bad offset', () => {
    const d = doc();
    d.programs[2].steps[1].offset = '48 hours';
    expect(errorsOf(d)).toEqual([{ path: 'programs.2.steps.1.offset', message: expect.stringContaining('must be a duration') }]);
  });

  it('a missing field, an unknown field and a bad enum', () => {
    const d = doc();
    delete d.programs[0].name.en;
    d.programs[1].steps[0].owner = 'advisor';
    d.programs[3].steps[0].taskType = 'sms';
    expect(errorsOf(d).map((e) => e.path).sort()).toEqual(['programs.0.name.en', 'programs.1.steps.0.owner', 'programs.3.steps.0.taskType']);
  });

  it('a message sent by a person, a task done by the outbox', () => {
    const d = doc();
    d.programs[0].steps[0].role = 'advisor';
    d.programs[1].steps[0].role = 'automated';
    expect(errorsOf(d).map((e) => e.path)).toEqual(['programs.0.steps.0.role', 'programs.1.steps.0.role']);
  });

  it('a trigger of the wrong kind, a bad level and an unknown signal', () => {
    const d = doc();
    d.programs[0].trigger.level = 'green';
    d.programs[11].trigger.signal = 'late';
    d.programs[6].trigger = { kind: 'weather' };
    expect(errorsOf(d).map((e) => e.path).sort()).toEqual(['programs.0.trigger.level', 'programs.11.trigger.signal', 'programs.6.trigger.kind']);
  });

  it('cross-field checks: duplicate ids, escalation without deadline, needs, order, rungs, hours', () => {
    const d = doc();
    d.programs[1].id = 'early_warning_yellow';
    d.programs[2].steps[1].id = 'red_call';
    delete d.programs[4].steps[0].deadline;
    d.programs[6].steps[1].needs = 'wait_180';
    d.programs[19].steps[2].offset = 'P1D';
    d.programs[0].steps[0].escalation = [{ raiseLevel: 'orange' }, { role: 'advisor', deadline: 'PT1H' }];
    d.workingHours.end = '09:00';
    expect(errorsOf(d).map((e) => e.path)).toEqual([
      'workingHours.end',
      'programs.0.steps.0.escalation.0',
      'programs.1.id',
      'programs.2.steps.1.id',
      'programs.4.steps.0.escalation',
      'programs.6.steps.1.needs',
      'programs.19.steps.2.offset',
    ]);
  });

  it('a rating threshold on a non-rating trigger and a silent segment without level', () => {
    const d = doc();
    d.programs[6].trigger.maxNps = 6;
    delete d.programs[16].trigger.level;
    expect(errorsOf(d).map((e) => e.path)).toEqual(['programs.6.trigger.maxNps', 'programs.16.trigger.level']);
  });

  it('ifTimePassed: one of two words, and only beside atLocalTime', () => {
    const d = doc();
    d.programs[6].steps[1].ifTimePassed = 'tomorrow';
    d.programs[7].steps[0].ifTimePassed = 'at_once';
    expect(errorsOf(d).map((e) => e.path)).toEqual(['programs.6.steps.1.ifTimePassed']);
    // Checks across fields run once every field is valid.
    d.programs[6].steps[1].ifTimePassed = 'next_day';
    expect(errorsOf(d).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'programs.7.steps.0.ifTimePassed: only a step with atLocalTime says what happens once that time has passed',
    ]);
  });

  it('after: an event of the stop vocabulary (not "green"), counted from that event only, not cancelled by the stop it starts on', () => {
    const d = doc();
    d.programs[8].steps[2].after = 'green';
    d.programs[7].steps[1].after = 'visit';
    d.programs[7].steps[1].anchor = 'last_visit';
    d.programs[14].steps[2].ignoresStop = false;
    expect(errorsOf(d).map((e) => `${e.path}: ${e.message}`)).toEqual([
      expect.stringMatching(/^programs\.8\.steps\.2\.after: /),
    ]);
    d.programs[8].steps[2].after = 'complaint_closed';
    expect(errorsOf(d).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'programs.7.steps.1.anchor: a step after "visit" counts its offset from that event, not from the last visit',
      'programs.14.steps.2.ignoresStop: "social_resolved" also stops this program: set ignoresStop to true, or that stop would cancel the step it starts',
    ]);
  });

  it('a step after an event is outside the order of offsets from the trigger', () => {
    const d = doc();
    // low_rating: two steps at PT0M, the re-visit call 24 h after a complaint closes, then this one.
    d.programs[8].steps.push({ ...d.programs[8].steps[1], id: 'also_now' });
    expect(parsePrograms(d).ok).toBe(true);
    delete d.programs[8].steps[2].after;
    expect(errorsOf(d).map((e) => e.path)).toEqual(['programs.8.steps.3.offset']);
  });

  it('an empty version, no steps, a bad local time', () => {
    const d = doc();
    d.version = ' ';
    d.programs[25].steps = [];
    d.programs[20].steps[0].atLocalTime = '25:00';
    expect(errorsOf(d).map((e) => e.path).sort()).toEqual(['programs.20.steps.0.atLocalTime', 'programs.25.steps', 'version']);
  });
});

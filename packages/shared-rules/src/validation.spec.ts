import { FactsValidationError, validateAsOf, validateFacts } from './validation.js';
import { evaluate, score } from './index.js';
import { activity, apprentice, cert, studioFacts } from './test-support/factories.js';
import type { Facts } from './types.js';

const bad = (mutate: (f: Facts) => void): Facts => {
  const f = studioFacts('urumqi-2023', {
    apprentices: [apprentice('a1', '2024-04-01')],
    certificates: [cert('a1', 'senior', '2024-06-01')],
    activities: [activity('training', '2024-05-01', 5, 'e1')],
  });
  mutate(f);
  return f;
};

describe(validateFacts.name, () => {
  it('accepts a minimal studio with empty lists and null optional fields', () => {
    const f = studioFacts('gongshu-2020', {
      apprentices: [apprentice('a', '2024-01-01', { leftOn: null, agreementSignedOn: null })],
    });
    expect(validateFacts(f)).toBe(f);
  });

  it.each<[string, (f: Facts) => void, string]>([
    ['unknown policyId', (f) => (f.policyId = 'x'), 'policyId'],
    ['malformed date', (f) => (f.activities[0]!.date = '2025-02-30'), 'activities.0.date'],
    ['negative attendance', (f) => (f.activities[0]!.attendance = -1), 'activities.0.attendance'],
    ['NaN attendance', (f) => (f.activities[0]!.attendance = NaN), 'activities.0.attendance'],
    [
      'unknown certificate level',
      (f) => ((f.certificates[0] as { level: string }).level = 'expert'),
      'certificates.0.level',
    ],
    [
      'unknown retirement category',
      (f) => ((f.leader as { retirementCategory: string }).retirementCategory = 'other'),
      'leader.retirementCategory',
    ],
    ['missing studio', (f) => delete (f as Partial<Facts>).studio, 'studio'],
    ['missing activities list', (f) => delete (f as Partial<Facts>).activities, 'activities'],
    ['empty trade', (f) => (f.studio.trade = ' '), 'studio.trade'],
    ['infinite judgment', (f) => (f.judgments = { U10: Infinity }), 'judgments.U10'],
  ])('rejects %s, naming %s', (_name, mutate, field) => {
    const f = bad(mutate);
    expect(() => validateFacts(f)).toThrow(FactsValidationError);
    expect(() => validateFacts(f)).toThrow(field);
    try {
      validateFacts(f);
    } catch (e) {
      expect((e as FactsValidationError).field).toBe(field);
    }
  });

  it('names the bracket form too', () => {
    expect(() => validateFacts(bad((f) => (f.activities[0]!.attendance = -1)))).toThrow(
      'activities[0].attendance',
    );
  });

  it('accepts negative judgments (they are clamped, not rejected)', () => {
    expect(() => validateFacts(bad((f) => (f.judgments = { U10: -2 })))).not.toThrow();
  });
});

describe(validateAsOf.name, () => {
  it('rejects an impossible asOf in evaluate and score', () => {
    const f = studioFacts('urumqi-2023');
    expect(() => evaluate(f, '2025-02-29')).toThrow('asOf');
    expect(() => score(f, '2025-1-1')).toThrow('asOf');
    expect(() => evaluate(f, undefined)).toThrow('asOf');
    expect(() => evaluate(f, '2024-02-29')).not.toThrow();
  });
});

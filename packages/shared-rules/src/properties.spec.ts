/** Property tests: bounds, monotonicity of qualifying certificates, purity. */
import fc from 'fast-check';
import { evaluate, POLICY_IDS, score } from './index.js';
import { deepFreeze } from './test-support/factories.js';
import type { Facts } from './types.js';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  ACTIVITY_KINDS,
  DOCUMENT_KINDS,
  FUND_SOURCES,
  RETIREMENT_CATEGORIES,
  SKILL_LEVELS,
} from './vocabulary.js';

const dayIn = (fromYear: number, toYear: number) =>
  fc
    .record({
      y: fc.integer({ min: fromYear, max: toYear }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const date = dayIn(2022, 2027);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const itemPolicyIds = ['urumqi-2023', 'gongshu-2020'];

const factsArb: fc.Arbitrary<Facts> = fc
  .record({
    policyId: fc.constantFrom(...POLICY_IDS),
    recognizedOn: dayIn(2022, 2025),
    studio: fc.record({
      areaSqm: maybe(fc.integer({ min: 0, max: 80 })),
      hasSign: maybe(fc.boolean()),
      hasHonoursBoard: maybe(fc.boolean()),
      rulesPosted: maybe(fc.boolean()),
      dutiesDefined: maybe(fc.boolean()),
      hasEquipment: maybe(fc.boolean()),
      hasFundRules: maybe(fc.boolean()),
      vetoed: maybe(fc.boolean()),
    }),
    leader: fc.record({
      birthDate: dayIn(1960, 1990),
      retirementCategory: fc.constantFrom(...RETIREMENT_CATEGORIES),
      skillLevel: fc.constantFrom(...SKILL_LEVELS),
    }),
    members: fc.array(
      fc.record({ skillLevel: fc.constantFrom(...SKILL_LEVELS), fullTime: fc.boolean() }),
      { maxLength: 6 },
    ),
    apprentices: fc.array(
      fc.record({ joinedOn: date, agreementSignedOn: maybe(date), leftOn: maybe(date) }),
      { maxLength: 8 },
    ),
    certificates: fc.array(
      fc.record({ who: fc.nat(), level: fc.constantFrom(...SKILL_LEVELS), awardedOn: date }),
      { maxLength: 12 },
    ),
    activities: fc.array(
      fc.record({
        kind: fc.constantFrom(...ACTIVITY_KINDS),
        date,
        attendance: fc.integer({ min: 0, max: 60 }),
      }),
      { maxLength: 15 },
    ),
    achievements: fc.array(
      fc.record({
        kind: fc.constantFrom(...ACHIEVEMENT_KINDS),
        date,
        level: fc.constantFrom(...ACHIEVEMENT_LEVELS),
      }),
      { maxLength: 8 },
    ),
    funds: fc.array(
      fc.record({
        source: fc.constantFrom(...FUND_SOURCES),
        amount: fc.integer({ min: 0, max: 150_000 }),
        date,
      }),
      { maxLength: 5 },
    ),
    documents: fc.array(
      fc.record({
        kind: fc.constantFrom(...DOCUMENT_KINDS),
        year: fc.integer({ min: 2022, max: 2027 }),
        submittedOn: date,
      }),
      { maxLength: 5 },
    ),
    judgments: fc.dictionary(
      fc.constantFrom(
        'U1',
        'U7',
        'U10',
        'U11',
        'U12',
        'U13',
        'U14',
        'U18',
        'U19',
        'U20',
        'G1',
        'G2',
        'G5',
        'G6',
        'G7',
        'G8',
        'G9',
        'G11',
      ),
      fc.double({ min: -5, max: 30, noNaN: true }),
    ),
  })
  .map((r): Facts => {
    const apprentices = r.apprentices.map((a, i) => ({
      id: `a${i}`,
      name: `徒${i}`,
      joinedOn: a.joinedOn,
      ...(a.agreementSignedOn ? { agreementSignedOn: a.agreementSignedOn } : {}),
      ...(a.leftOn && a.leftOn >= a.joinedOn ? { leftOn: a.leftOn } : {}),
    }));
    const prefix = r.policyId === 'urumqi-2023' ? 'U' : 'G';
    const judgments = itemPolicyIds.includes(r.policyId)
      ? Object.fromEntries(Object.entries(r.judgments).filter(([k]) => k.startsWith(prefix)))
      : undefined;
    return {
      policyId: r.policyId,
      studio: {
        name: '张三焊工技能大师工作室',
        trade: '焊工',
        recognizedOn: r.recognizedOn,
        ...r.studio,
      },
      leader: { name: '张三', fullTime: true, ...r.leader },
      members: r.members.map((m, i) => ({ name: `成员${i}`, ...m })),
      apprentices,
      certificates: apprentices.length
        ? r.certificates.map((c) => ({
            apprenticeId: apprentices[c.who % apprentices.length]!.id,
            level: c.level,
            awardedOn: c.awardedOn,
          }))
        : [],
      activities: r.activities.map((e, i) => ({ id: `e${i}`, ...e })),
      achievements: r.achievements.map((a, i) => ({ id: `r${i}`, ...a })),
      funds: r.funds,
      documents: r.documents,
      ...(judgments ? { judgments } : {}),
    };
  });

const asOfArb = dayIn(2023, 2027);

describe('properties', () => {
  it('keeps every item score within [0, max] and the totals consistent', () => {
    fc.assert(
      fc.property(factsArb, asOfArb, (facts, asOf) => {
        const s = score(facts, asOf);
        for (const it of s.items) {
          expect(it.score).toBeGreaterThanOrEqual(0);
          expect(it.score).toBeLessThanOrEqual(it.max);
          expect(it.lost).toBeCloseTo(it.max - it.score, 9);
        }
        expect(s.bonus.score).toBeLessThanOrEqual(s.bonus.max);
        expect(s.total).toBeCloseTo(s.base.score + s.bonus.score, 9);
        if (s.items.length) expect(s.complete).toBe(s.items.every((i) => i.basis !== 'pending'));
        if (facts.studio.vetoed && s.maxTotal > 0) expect(s.grade).toBe('fail');
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a count or a score when a qualifying certificate is added', () => {
    fc.assert(
      fc.property(
        factsArb,
        asOfArb,
        fc.nat(),
        fc.constantFrom('senior', 'technician', 'senior_technician') as fc.Arbitrary<'senior'>,
        (facts, asOf, pick, level) => {
          if (!facts.apprentices.length) return;
          const a = facts.apprentices[pick % facts.apprentices.length]!;
          // A certificate on asOf inside the roster window qualifies for every period containing asOf.
          if (a.joinedOn > asOf || (a.leftOn && a.leftOn < asOf)) return;
          const more: Facts = {
            ...facts,
            certificates: [...facts.certificates, { apprenticeId: a.id, level, awardedOn: asOf }],
          };
          const before = evaluate(facts, asOf);
          const after = evaluate(more, asOf);
          for (const t of before.targets) {
            const t2 = after.targets.find((x) => x.id === t.id)!;
            expect(t2.actual).toBeGreaterThanOrEqual(t.actual);
          }
          const s1 = score(facts, asOf);
          const s2 = score(more, asOf);
          expect(s2.total).toBeGreaterThanOrEqual(s1.total - 1e-9);
          for (const it of s1.items) {
            expect(s2.items.find((x) => x.id === it.id)!.score).toBeGreaterThanOrEqual(
              it.score - 1e-9,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is pure: the same answer twice, and deep-frozen facts are not mutated', () => {
    fc.assert(
      fc.property(factsArb, asOfArb, (facts, asOf) => {
        const copy = structuredClone(facts);
        const frozen = deepFreeze(structuredClone(facts));
        const e1 = evaluate(frozen, asOf);
        const s1 = score(frozen, asOf);
        expect(evaluate(frozen, asOf)).toEqual(e1);
        expect(score(frozen, asOf)).toEqual(s1);
        expect(frozen).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });
});

import { Activity } from '../src/activities/activity.entity';
import { StudioDocument } from '../src/documents/document.entity';
import { Studio } from '../src/studios/studio.entity';
import { makeTenant, type Tenant } from './factories/world';
import { driveYear, type Got, lines } from './reminders/year-support';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 14 §5: a studio of each policy driven through 2026 with a controllable clock (one scan
 * each morning); exactly which reminders each role gets, and on which day.
 */
// A loaded CI machine migrates a fresh database slowly; each step gets a minute.
jest.setTimeout(60_000);

describe('reminders through a year', () => {
  let t: TestApp;
  let got: Record<string, Got[]>;
  const tenants: Record<string, Tenant> = {};

  beforeAll(async () => {
    t = await startTestApp();
    // urumqi: recognised 2025-03-01; its one activity on 2026-01-10, then silence.
    tenants.urumqi = await makeTenant(t.db, '乌', 'urumqi-2023', '2025-03-01');
    await t.db.getRepository(Activity).update(tenants.urumqi.activityId, { date: '2026-01-10' });
    // yuzhong: the plan for 2027 is not filed (the factory's document is 2026's plan).
    tenants.yuzhong = await makeTenant(t.db, '渝', 'yuzhong-2023', '2025-03-01');
    // shunyi: applying this year, recognised only on 2026-09-15.
    tenants.shunyi = await makeTenant(t.db, '顺', 'shunyi-2023', '2026-09-15');
    for (const ten of [tenants.yuzhong, tenants.shunyi])
      await t.db.getRepository(Activity).update(ten.activityId, { date: '2026-03-02' });
    await t.db.getRepository(StudioDocument).update(tenants.shunyi.documentId, {
      submittedOn: '2026-02-01',
    });
    expect(await t.db.getRepository(Studio).count()).toBe(3);
    got = await driveYear(t, tenants, '2026-01-01', '2026-12-31');
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  const ALL = ['deadline', 'target', 'inactivity', 'signoff', 'judged_items', 'activity_today'];

  it('urumqi 第二十条（一）: the inactivity line at 9 and 11 months, to the leader and the unit; deadlines to the leader', () => {
    expect(lines(got.urumqi!, ALL)).toEqual([
      // 第十九条（一）: the 2025 summary was never filed: overdue on 1 January, once.
      '2026-01-01 leader deadline:annual_summary overdue →2025-12-31',
      // 10 months after recognition with no activity yet (the one on 01-10 is still ahead).
      '2026-01-01 leader target:high_skill_talents behind →2027-02-28',
      '2026-01-01 leader target:team_size behind →2026-12-31',
      '2026-01-01 leader target:industry_exchanges at_risk →2026-12-31',
      '2026-01-01 leader inactivity m9 →2026-03-01',
      '2026-01-01 unit_contact inactivity m9 →2026-03-01',
      '2026-01-01 unit_contact signoff d7 →2025-03-17',
      '2026-01-10 apprentice activity_today:activity day →2026-01-10',
      '2026-03-02 leader target:industry_exchanges behind →2026-12-31',
      // Silence since 2026-01-10: revoked after 2027-01-10.
      '2026-10-11 leader inactivity m9 →2027-01-10',
      '2026-10-11 unit_contact inactivity m9 →2027-01-10',
      // 第十九条（二）: assessment 3 months before the cycle ends (2027-02-28).
      '2026-10-31 leader deadline:cycle_assessment d30 →2026-11-30',
      '2026-10-31 reviewer judged_items d30 →2026-11-30',
      '2026-11-23 leader deadline:cycle_assessment d7 →2026-11-30',
      '2026-11-29 leader deadline:cycle_assessment d1 →2026-11-30',
      '2026-12-01 leader deadline:annual_plan d30 →2026-12-31',
      '2026-12-01 leader deadline:annual_summary d30 →2026-12-31',
      '2026-12-01 leader deadline:cycle_assessment overdue →2026-11-30',
      '2026-12-11 leader inactivity m11 →2027-01-10',
      '2026-12-11 unit_contact inactivity m11 →2027-01-10',
      '2026-12-24 leader deadline:annual_plan d7 →2026-12-31',
      '2026-12-24 leader deadline:annual_summary d7 →2026-12-31',
      '2026-12-30 leader deadline:annual_plan d1 →2026-12-31',
      '2026-12-30 leader deadline:annual_summary d1 →2026-12-31',
    ]);
  });

  it('yuzhong 第十四条: next year’s plan by 31 December, at 30, 7 and 1 day; no inactivity line', () => {
    expect(lines(got.yuzhong!, ALL)).toEqual([
      '2026-01-01 leader target:team_size behind →2026-12-31',
      '2026-01-01 unit_contact signoff d7 →2025-03-17',
      '2026-03-02 apprentice activity_today:activity day →2026-03-02',
      '2026-12-01 leader deadline:annual_plan d30 →2026-12-31',
      '2026-12-24 leader deadline:annual_plan d7 →2026-12-31',
      '2026-12-30 leader deadline:annual_plan d1 →2026-12-31',
    ]);
  });

  it('shunyi 第五条: applications until 31 August (overdue until recognised on 09-15), then the year’s summary', () => {
    expect(lines(got.shunyi!, ALL)).toEqual([
      '2026-01-01 leader target:person_times at_risk →2026-12-31',
      '2026-01-01 leader target:team_size behind →2026-12-31',
      '2026-01-01 unit_contact signoff d7 →2025-03-17',
      '2026-03-02 leader target:person_times behind →2026-12-31',
      '2026-03-02 apprentice activity_today:activity day →2026-03-02',
      '2026-08-01 leader deadline:application d30 →2026-08-31',
      '2026-08-24 leader deadline:application d7 →2026-08-31',
      '2026-08-30 leader deadline:application d1 →2026-08-31',
      '2026-09-01 leader deadline:application overdue →2026-08-31',
      '2026-12-01 leader deadline:annual_summary d30 →2026-12-31',
      '2026-12-24 leader deadline:annual_summary d7 →2026-12-31',
      '2026-12-30 leader deadline:annual_summary d1 →2026-12-31',
    ]);
  });

  it('each reviewer gets one digest a week (due the week’s Monday), members nothing', () => {
    for (const g of Object.values(got)) {
      const digests = g.filter((x) => x.kind === 'digest');
      expect(digests.every((d) => d.role === 'reviewer')).toBe(true);
      expect(digests.map((d) => d.dueOn)[0]).toBe('2025-12-29');
      expect(digests.map((d) => d.dueOn).at(-1)).toBe('2026-12-28');
      expect(new Set(digests.map((d) => d.dueOn)).size).toBe(digests.length);
      expect(digests).toHaveLength(53);
      expect(g.filter((x) => x.role === 'member')).toEqual([]);
    }
  });
});

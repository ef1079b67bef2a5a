import { RECORD_ROWS, recordTiles } from './record-rows';

describe('record rows and home tiles', () => {
  it('gives the record kinds with a screen their home tile, in place', () => {
    expect(recordTiles().map((t) => [t.order, t.text, t.url])).toEqual([
      [1, '活动签到', 'records/index?type=activities'],
      [2, '学徒名册', 'records/index?type=apprentices'],
      [3, '成果', 'records/index?type=achievements'],
      [4, '经费台账', 'records/index?type=funds'],
      [5, '计划总结', 'records/index?type=documents'],
      [7, '团队成员', 'records/index?type=members'],
    ]);
  });

  it('formats an activity row with its person-times, and opens its check-in', () => {
    const r = {
      id: 7,
      kind: 'training',
      title: '焊接培训',
      date: '2026-03-01',
      location: '实训区',
      attendance: 12,
    };
    const view = RECORD_ROWS.activities.row(r);
    expect(view.title).toBe('焊接培训');
    expect(view.meta).toContain('实训区');
    expect(view.aside).toMatchObject({ text: '12', sub: '人次 ›' });
    expect(RECORD_ROWS.activities.open?.('3', r)).toContain('activityId=7');
  });

  it('offers the invite only to people still on the roster', () => {
    const base = { id: 1, name: '王五', joinedOn: '2026-01-01', agreementSignedOn: null };
    expect(RECORD_ROWS.apprentices.row({ ...base, leftOn: null }).invitable).toBe(true);
    expect(RECORD_ROWS.apprentices.row({ ...base, leftOn: '2026-02-01' })).toMatchObject({
      invitable: false,
      aside: { text: '已出师' },
    });
    expect(RECORD_ROWS.certificates.row({ id: 2, name: 'x' }).invitable).toBe(false);
  });
});

import { RECORDS, validate } from './records';

describe('validate', () => {
  it('asks for every required field in Chinese', () => {
    const e = validate(RECORDS.activities, { kind: 'training', title: ' ', date: '', location: '', extraAttendance: '' });
    expect(e).toEqual({ title: '请填写活动名称', date: '请填写活动日期' });
  });
  it('rejects impossible dates, negative or non-numeric amounts and unknown codes', () => {
    expect(validate(RECORDS.achievements, { kind: 'patent', level: 'galactic', title: 'x', date: '2025-02-30' })).toEqual({ level: '请选择级别', date: '日期格式应为 年-月-日' });
    expect(validate(RECORDS.funds, { direction: 'income', source: 'grant', category: '设备', amount: '-5', date: '2025-01-01' }).amount).toBeDefined();
    expect(validate(RECORDS.funds, { direction: 'income', source: 'grant', category: '设备', amount: '0', date: '2025-01-01' }).amount).toBe('金额必须大于 0');
  });
  it('skips fields that do not apply (a spending has no source)', () => {
    expect(validate(RECORDS.funds, { direction: 'spending', source: '', category: '耗材', amount: '120.5', date: '2025-01-01' })).toEqual({});
  });
});

describe('RECORDS', () => {
  it('sends field names the API expects and previews only what counts', () => {
    const v = { direction: 'spending', source: 'grant', category: '耗材', amount: '120.5', date: '2025-01-01', note: '' };
    expect(RECORDS.funds.toBody(v, {})).toEqual({ direction: 'spending', source: undefined, category: '耗材', amount: 120.5, date: '2025-01-01', note: undefined });
    expect(RECORDS.funds.toDraft(v, {})).toBeNull();
    expect(RECORDS.certificates.toBody({ level: 'senior', awardedOn: '2025-01-05', number: '' }, { apprenticeId: '7' })).toEqual({ apprenticeId: 7, level: 'senior', awardedOn: '2025-01-05', number: undefined });
    expect(RECORDS.certificates.toDraft({ level: 'senior', awardedOn: '2025-01-05' }, { apprenticeId: '7' })).toEqual({ type: 'certificate', record: { apprenticeId: '7', level: 'senior', awardedOn: '2025-01-05' } });
  });
});

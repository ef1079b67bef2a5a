import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS, changedBody, fromRow, validate, visibleFields } from './records';

describe('validate', () => {
  it('asks for every required field in Chinese', () => {
    const e = validate(RECORDS.activities, {
      kind: 'training',
      title: ' ',
      date: '',
      location: '',
      extraAttendance: '',
    });
    expect(e).toEqual({ title: '请填写活动名称', date: '请填写活动日期' });
  });
  it('rejects impossible dates, negative or non-numeric amounts and unknown codes', () => {
    expect(
      validate(RECORDS.achievements, {
        kind: 'patent',
        level: 'galactic',
        title: 'x',
        date: '2025-02-30',
      }),
    ).toEqual({ level: '请选择级别', date: '日期格式应为 年-月-日' });
    expect(
      validate(RECORDS.funds, {
        direction: 'income',
        source: 'grant',
        category: '设备',
        amount: '-5',
        date: '2025-01-01',
      }).amount,
    ).toBeDefined();
    expect(
      validate(RECORDS.funds, {
        direction: 'income',
        source: 'grant',
        category: '设备',
        amount: '0',
        date: '2025-01-01',
      }).amount,
    ).toBe('金额必须大于 0');
  });
  it('catches a non-integer 未签到人数 with the field’s own label', () => {
    const v = {
      kind: 'training',
      title: '培训',
      date: '2025-01-01',
      location: '',
      extraAttendance: '2.5',
    };
    expect(validate(RECORDS.activities, v)).toEqual({ extraAttendance: '未签到人数应为整数' });
  });
  it('limits an activity’s name and place to the server’s 120 characters, not the input’s 140', () => {
    const long = '焊'.repeat(121);
    const v = {
      kind: 'training',
      title: long,
      date: '2025-01-01',
      location: long,
      extraAttendance: '',
    };
    expect(validate(RECORDS.activities, v)).toEqual({
      title: '活动名称不能超过 120 字',
      location: '地点不能超过 120 字',
    });
    // The server's CreateActivityDto says the same (one number on each side, kept equal here).
    const dto = readFileSync(
      join(__dirname, '../../../server/src/activities/dto/activity.dto.ts'),
      'utf8',
    );
    for (const f of RECORDS.activities.fields.filter((x) => x.maxLength)) {
      const decl = new RegExp(`@MaxLength\\((\\d+)[^)]*\\)\\s*(?:@[^\\n]*\\s*)*${f.name}[?!]?:`);
      expect(Number(decl.exec(dto)?.[1])).toBe(f.maxLength);
    }
  });
  it('skips fields that do not apply (a spending has no source)', () => {
    expect(
      validate(RECORDS.funds, {
        direction: 'spending',
        source: '',
        category: '耗材',
        amount: '120.5',
        date: '2025-01-01',
      }),
    ).toEqual({});
  });
});

describe('RECORDS', () => {
  it('sends field names the API expects and previews only what counts', () => {
    const v = {
      direction: 'spending',
      source: 'grant',
      category: '耗材',
      amount: '120.5',
      date: '2025-01-01',
      note: '',
    };
    expect(RECORDS.funds.toBody(v, {})).toEqual({
      direction: 'spending',
      source: undefined,
      category: '耗材',
      amount: 120.5,
      date: '2025-01-01',
      note: undefined,
    });
    expect(RECORDS.funds.toDraft(v, {})).toBeNull();
    expect(
      RECORDS.certificates.toBody(
        { level: 'senior', awardedOn: '2025-01-05', number: '' },
        { apprenticeId: '7' },
      ),
    ).toEqual({ apprenticeId: 7, level: 'senior', awardedOn: '2025-01-05', number: undefined });
    expect(
      RECORDS.certificates.toDraft(
        { level: 'senior', awardedOn: '2025-01-05' },
        { apprenticeId: '7' },
      ),
    ).toEqual({
      type: 'certificate',
      record: { apprenticeId: '7', level: 'senior', awardedOn: '2025-01-05' },
    });
  });
});

describe('editing a record', () => {
  const R = RECORDS;
  const row = {
    id: 11,
    name: '王五',
    joinedOn: '2025-01-10',
    agreementSignedOn: null,
    leftOn: null,
    personId: 3,
  };

  it('prefills the form from the saved record (nulls as empty, booleans as codes)', () => {
    expect(fromRow(R.apprentices, row)).toEqual({
      name: '王五',
      joinedOn: '2025-01-10',
      agreementSignedOn: '',
      leftOn: '',
    });
    expect(
      fromRow(R.members, {
        name: '甲',
        skillLevel: 'technician',
        fullTime: false,
        yearsInTrade: 3,
        leftOn: null,
      }),
    ).toMatchObject({ fullTime: 'false', yearsInTrade: '3' });
  });

  it('PATCHes only the changed fields, and a cleared value as null', () => {
    const original = fromRow(R.apprentices, row);
    expect(
      changedBody(R.apprentices, original, { ...original, agreementSignedOn: '2025-03-01' }, {}),
    ).toEqual({ agreementSignedOn: '2025-03-01' });
    expect(changedBody(R.apprentices, original, { ...original, leftOn: '2025-04-01' }, {})).toEqual(
      { leftOn: '2025-04-01' },
    );
    const left = { ...original, leftOn: '2025-04-01' };
    expect(changedBody(R.apprentices, left, original, {})).toEqual({ leftOn: null });
    expect(changedBody(R.apprentices, original, original, {})).toEqual({});
    const cert = fromRow(R.certificates, {
      level: 'senior',
      awardedOn: '2025-05-01',
      number: null,
      apprenticeId: 11,
    });
    expect(
      changedBody(R.certificates, cert, { ...cert, number: 'A1' }, { apprenticeId: '11' }),
    ).toEqual({ number: 'A1' });
  });

  it('shows 离开日期 only when editing', () => {
    const v = R.apprentices.defaults('2025-06-01');
    expect(visibleFields(R.apprentices, v, false).map((f) => f.name)).not.toContain('leftOn');
    expect(visibleFields(R.apprentices, v, true).map((f) => f.name)).toContain('leftOn');
  });

  it('an activity keeps its scanned check-ins in the preview; a member who left drops out of the team', () => {
    const draft = R.activities.toDraft(
      { kind: 'training', title: 'x', date: '2025-06-01', location: '', extraAttendance: '2' },
      { checkedIn: 5 },
    );
    expect(draft).toMatchObject({ type: 'activity', record: { attendance: 7 } });
    expect(
      R.members.toDraft(
        {
          name: '甲',
          skillLevel: 'technician',
          fullTime: 'true',
          yearsInTrade: '',
          leftOn: '2025-05-01',
        },
        { today: '2025-06-01' },
      ),
    ).toBeNull();
  });

  it('refuses a leave date before the join date', () => {
    expect(
      validate(R.apprentices, {
        name: '王五',
        joinedOn: '2025-01-10',
        agreementSignedOn: '',
        leftOn: '2024-12-01',
      }),
    ).toEqual({ leftOn: '离开日期不能早于拜师日期' });
  });
});

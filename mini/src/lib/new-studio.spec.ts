import {
  EMPTY_NEW_STUDIO,
  formFieldOf,
  nameFormatError,
  validateNewStudio,
  type NewStudioForm,
} from './new-studio';

const good: NewStudioForm = {
  unitId: '3',
  newUnitName: '',
  name: '周志强钳工技能大师工作室',
  trade: '钳工',
  recognizedOn: '2025-06-01',
  leaderName: '周志强',
  leaderBirthDate: '1976-04-12',
  leaderRetirementCategory: 'male',
  leaderSkillLevel: 'senior_technician',
  leaderFullTime: 'true',
};

describe('validateNewStudio', () => {
  it('accepts a complete form', () => {
    expect(validateNewStudio(good, '2026-01-01')).toEqual({});
  });
  it('names every missing field in Chinese', () => {
    expect(validateNewStudio(EMPTY_NEW_STUDIO, '2026-01-01')).toEqual({
      unitId: '请选择所在单位',
      name: '请填写工作室名称',
      trade: '请填写职业（工种）',
      recognizedOn: '请选择认定日期',
      leaderName: '请填写领办人姓名',
      leaderBirthDate: '请选择领办人出生日期',
      leaderRetirementCategory: '请选择退休类别',
      leaderSkillLevel: '请选择领办人技能等级',
    });
  });
  it('needs a name for a new unit and refuses dates in the future or impossible', () => {
    expect(validateNewStudio({ ...good, unitId: 'new' }, '2026-01-01')).toEqual({
      newUnitName: '请填写单位名称',
    });
    expect(validateNewStudio({ ...good, recognizedOn: '2026-02-01' }, '2026-01-01')).toEqual({
      recognizedOn: '认定日期不能晚于今天',
    });
    expect(validateNewStudio({ ...good, leaderBirthDate: '1976-02-30' }, '2026-01-01')).toEqual({
      leaderBirthDate: '请选择领办人出生日期',
    });
  });
});

describe('formFieldOf', () => {
  it('maps the server nested leader fields onto the form', () => {
    expect(formFieldOf('leader.birthDate')).toBe('leaderBirthDate');
    expect(formFieldOf('recognizedOn')).toBe('recognizedOn');
    expect(formFieldOf('extra')).toBeNull();
  });
});

describe('the name checked against the policy format as it is typed (issue 11 item 7)', () => {
  const form = {
    ...EMPTY_NEW_STUDIO,
    name: '焊接创新工作室',
    trade: '焊工',
    leaderName: '王建国',
  };
  it('names the format, an example and the article (urumqi-2023 第九条（二）)', () => {
    const msg = nameFormatError(form, 'urumqi-2023');
    expect(msg).toContain('王建国焊工技能大师工作室');
    expect(msg).toContain('第九条（二）');
    expect(validateNewStudio(form, '2026-01-01', 'urumqi-2023').name).toBe(msg);
  });
  it('is quiet once the name fits, or with no policy known yet', () => {
    expect(
      nameFormatError({ ...form, name: '王建国焊工技能大师工作室' }, 'urumqi-2023'),
    ).toBeUndefined();
    expect(nameFormatError(form, undefined)).toBeUndefined();
  });
});

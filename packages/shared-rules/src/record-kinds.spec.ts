import {
  AUDIT_KINDS,
  kindOfPath,
  NON_RECORD_AUDIT_KINDS,
  RECORD_KIND_NAMES,
  RECORD_KINDS,
  SIGNABLE_KINDS,
} from './record-kinds';

describe('RECORD_KINDS', () => {
  it('gives every kind a distinct path and a Facts list named like it', () => {
    const paths = RECORD_KIND_NAMES.map((k) => RECORD_KINDS[k].path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const k of RECORD_KIND_NAMES) {
      expect(RECORD_KINDS[k].facts).toBe(RECORD_KINDS[k].path);
      expect(kindOfPath(RECORD_KINDS[k].path)).toBe(k);
    }
    expect(kindOfPath('judgments')).toBeUndefined();
  });

  it('audits every record kind and the non-record kinds, each once', () => {
    expect(AUDIT_KINDS).toEqual([...RECORD_KIND_NAMES, ...NON_RECORD_AUDIT_KINDS]);
    expect(new Set(AUDIT_KINDS).size).toBe(AUDIT_KINDS.length);
    expect(AUDIT_KINDS).toEqual(
      expect.arrayContaining(['checkin', 'invitation', 'studio', 'judgment', 'unit']),
    );
  });

  it('lets a unit contact sign off the seven record kinds', () => {
    expect(SIGNABLE_KINDS).toEqual([
      'member',
      'apprentice',
      'certificate',
      'activity',
      'achievement',
      'fund',
      'document',
    ]);
  });
});

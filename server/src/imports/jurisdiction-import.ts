/**
 * A reviewer's batch: one sheet of studios for the jurisdiction (unit, studio, leader), each row
 * validated with the API's CreateStudioDto; units are found by name in the jurisdiction or
 * created; each new studio gets a leader invitation (invitations/invitation-store.ts, the same
 * codes POST /invitations issues; the codes are answered once, by the commit). A studio whose
 * name is already in the jurisdiction is skipped. One transaction, nothing written on any error.
 */
import { LABELS_ZH } from '@master-studio/shared-rules';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { Person } from '../accounts/person.entity';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { hiddenCharacterFields, validationFields } from '../common/validation';
import { issueInvitation } from '../invitations/invitation-store';
import { Unit } from '../org/unit.entity';
import { CreateStudioDto } from '../studios/dto/studio.dto';
import { Studio } from '../studios/studio.entity';
import type { ImportField } from './import-kinds';
import type { RowOutcome, SheetRow } from './import-writer';

const f = (
  key: string,
  header: string,
  synonyms: string[],
  type: ImportField<Record<string, unknown>>['type'],
  example: string,
  required = true,
): ImportField<Record<string, unknown>> => ({ key, header, synonyms, required, type, example });

export const STUDIO_BATCH = {
  title: '工作室批量登记',
  fields: [
    f('unitName', '单位名称', ['所在单位', '依托单位', '单位'], { t: 'text' }, '某某机械有限公司'),
    f('name', '工作室名称', ['工作室', '名称'], { t: 'text' }, '张建国焊工技能大师工作室'),
    f('trade', '职业（工种）', ['职业', '工种'], { t: 'text' }, '焊工'),
    f('recognizedOn', '认定日期', ['命名日期', '认定时间'], { t: 'date' }, '2025-03-01'),
    f('leaderName', '领办人姓名', ['领办人', '负责人'], { t: 'text' }, '张建国'),
    f('leaderBirthDate', '领办人出生日期', ['出生日期'], { t: 'date' }, '1972-05-01'),
    f(
      'leaderRetirementCategory',
      '退休类别',
      ['领办人退休类别'],
      { t: 'enum', labels: LABELS_ZH.retirementCategories },
      LABELS_ZH.retirementCategories.male,
    ),
    f(
      'leaderSkillLevel',
      '领办人技能等级',
      ['技能等级'],
      { t: 'enum', labels: LABELS_ZH.skillLevels },
      LABELS_ZH.skillLevels.senior_technician,
    ),
    f('leaderFullTime', '领办人是否全职', ['是否全职'], { t: 'bool' }, '是'),
  ],
  naturalKey: ['name'],
  notAfterToday: ['recognizedOn'],
} as const;

const LEADER_FIELD: Record<string, string> = {
  name: 'leaderName',
  birthDate: 'leaderBirthDate',
  retirementCategory: 'leaderRetirementCategory',
  skillLevel: 'leaderSkillLevel',
  fullTime: 'leaderFullTime',
};

export async function applyStudioRows(
  m: EntityManager,
  audit: AuditService | null,
  accountId: number,
  jurisdictionId: number,
  rows: readonly SheetRow[],
  file: { fileName: string; sha256: string },
): Promise<(RowOutcome & { code?: string })[]> {
  const units = new Map(
    (await m.getRepository(Unit).findBy({ jurisdictionId })).map((u) => [u.name, u.id]),
  );
  const studios = new Set(
    (await m.getRepository(Studio).findBy({ jurisdictionId })).map((s) => s.name),
  );
  const out: (RowOutcome & { code?: string })[] = [];
  // The audit entries, in the order of the writes; appended together at the end (recordMany).
  const entries: AuditRecord[] = [];
  const log = (
    recordType: 'unit' | 'studio' | 'invitation',
    studioId: number | null,
    recordId: number,
    after: object,
    line: number,
  ): void => {
    if (audit)
      entries.push({
        studioId,
        accountId,
        recordType,
        recordId,
        action: 'import',
        before: null,
        after: { ...after, importedFrom: { ...file, line } },
      });
  };
  for (const r of rows) {
    const o: RowOutcome & { code?: string } = {
      line: r.line,
      action: 'error',
      values: { ...r.values },
      errors: { ...r.errors },
      warnings: { ...r.warnings },
      changes: [],
      recordId: null,
      written: null,
    };
    out.push(o);
    const v = r.values;
    const body = {
      unitId: units.get(String(v.unitName ?? '')) ?? 1,
      name: v.name,
      trade: v.trade,
      recognizedOn: v.recognizedOn,
      leader: {
        name: v.leaderName,
        birthDate: v.leaderBirthDate,
        retirementCategory: v.leaderRetirementCategory,
        skillLevel: v.leaderSkillLevel,
        fullTime: v.leaderFullTime,
      },
    };
    const dto = plainToInstance(CreateStudioDto, body);
    const fields = {
      ...validationFields(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })),
      ...hiddenCharacterFields(body),
    };
    if (!v.unitName) fields.unitName = '请填写单位名称';
    for (const [k0, msg] of Object.entries(fields)) {
      const k = k0.startsWith('leader.') ? (LEADER_FIELD[k0.slice(7)] ?? k0) : k0;
      if (!o.errors[k]) o.errors[k] = msg;
    }
    if (Object.keys(o.errors).length > 0) continue;
    if (studios.has(dto.name)) {
      o.action = 'skip';
      o.warnings._row = '本辖区已有同名工作室，跳过';
      continue;
    }
    studios.add(dto.name);
    let unitId = units.get(String(v.unitName));
    if (unitId === undefined) {
      const res = await m.insert(Unit, { name: String(v.unitName), jurisdictionId });
      unitId = Number((res.identifiers[0] as { id: number }).id);
      units.set(String(v.unitName), unitId);
      o.warnings.unitName = `将新建单位“${String(v.unitName)}”`;
      log('unit', null, unitId, { id: unitId, name: v.unitName, jurisdictionId }, r.line);
    }
    const person = await m.save(
      Person,
      m.create(Person, {
        name: dto.leader.name,
        birthDate: dto.leader.birthDate,
        retirementCategory: dto.leader.retirementCategory,
        skillLevel: dto.leader.skillLevel,
      }),
    );
    const res = await m.insert(Studio, {
      name: dto.name,
      trade: dto.trade,
      unitId,
      jurisdictionId,
      leaderPersonId: person.id,
      leaderFullTime: dto.leader.fullTime,
      recognizedOn: dto.recognizedOn,
      status: 'active',
      areaSqm: null,
      hasSign: null,
      hasHonoursBoard: null,
      rulesPosted: null,
      dutiesDefined: null,
      hasEquipment: null,
      hasFundRules: null,
      vetoed: null,
      assessmentTotal: null,
    });
    const studioId = Number((res.identifiers[0] as { id: number }).id);
    Object.assign(o, { action: 'create', recordId: studioId });
    log('studio', studioId, studioId, { id: studioId, ...body, unitId }, r.line);
    if (audit) {
      // Only a commit issues the leader's invitation (a preview is rolled back: no code to show).
      const { invitation, code } = await issueInvitation(
        m,
        {
          role: 'leader',
          jurisdictionId,
          unitId: null,
          studioId,
          teamMemberId: null,
          apprenticeId: null,
        },
        accountId,
      );
      o.code = code;
      log(
        'invitation',
        studioId,
        invitation.id,
        { id: invitation.id, role: 'leader', studioId },
        r.line,
      );
    }
  }
  if (audit) await audit.recordMany(m, entries);
  return out;
}

import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Person } from '../accounts/person.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import type { Caller } from '../auth/caller';
import { applyDateRange } from '../common/date-range';
import { validationFailed } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import { Certificate } from './certificate.entity';
import type { CertificateView, CreateCertificateDto, ListCertificatesQuery, UpdateCertificateDto } from './dto/certificate.dto';

export const CERTIFICATE_SPEC: RecordSpec<Certificate, CertificateView> = {
  type: 'certificate',
  label: '技能证书',
  entity: Certificate,
  datesOf: (c) => [c.awardedOn],
  async view(m, rows) {
    const apprentices = rows.length ? await m.getRepository(Apprentice).findBy({ id: In([...new Set(rows.map((r) => r.apprenticeId))]) }) : [];
    const people = apprentices.length ? await m.getRepository(Person).findBy({ id: In(apprentices.map((a) => a.personId)) }) : [];
    const nameOf = new Map(apprentices.map((a) => [a.id, people.find((p) => p.id === a.personId)?.name ?? '']));
    return rows.map((r) => ({ id: r.id, apprenticeId: r.apprenticeId, apprenticeName: nameOf.get(r.apprenticeId) ?? '', level: r.level, awardedOn: r.awardedOn, number: r.number }));
  },
};

async function requireApprentice(m: EntityManager, studioId: number, apprenticeId: number): Promise<void> {
  if (!(await m.existsBy(Apprentice, { id: apprenticeId, studioId }))) throw validationFailed({ apprenticeId: '本工作室没有这个徒弟' });
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number, q: ListCertificatesQuery): Promise<Page<CertificateView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.list(CERTIFICATE_SPEC, studioId, q, (qb) => {
      if (q.apprenticeId !== undefined) qb.andWhere('r.apprenticeId = :a', { a: q.apprenticeId });
      if (q.level) qb.andWhere('r.level = :level', { level: q.level });
      applyDateRange(qb, 'r.awardedOn', q);
    }, [['r.awardedOn', 'DESC'], ['r.id', 'DESC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<CertificateView> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.get(CERTIFICATE_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateCertificateDto): Promise<CertificateView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.create(caller, studio, CERTIFICATE_SPEC, async (m) => {
      await requireApprentice(m, studioId, dto.apprenticeId);
      return { studioId, apprenticeId: dto.apprenticeId, level: dto.level, awardedOn: dto.awardedOn, number: dto.number ?? null };
    });
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateCertificateDto): Promise<CertificateView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, CERTIFICATE_SPEC, id, async (m, row) => {
      if (dto.apprenticeId !== undefined) {
        await requireApprentice(m, studioId, dto.apprenticeId);
        row.apprenticeId = dto.apprenticeId;
      }
      if (dto.level !== undefined) row.level = dto.level;
      if (dto.awardedOn !== undefined) row.awardedOn = dto.awardedOn;
      if (dto.number !== undefined) row.number = dto.number;
    });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, CERTIFICATE_SPEC, id);
  }
}

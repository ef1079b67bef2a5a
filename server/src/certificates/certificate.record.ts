import { type EntityManager, In } from 'typeorm';
import { Person } from '../accounts/person.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import { applyDateRange } from '../common/date-range';
import { validationFailed } from '../common/domain-error';
import { defineRecord } from '../records/record-definition';
import { Certificate } from './certificate.entity';
import {
  CertificateView,
  CreateCertificateDto,
  ListCertificatesQuery,
  UpdateCertificateDto,
} from './dto/certificate.dto';
import { likeOf } from '../common/keyword';

async function requireApprentice(
  m: EntityManager,
  studioId: number,
  apprenticeId: number,
): Promise<void> {
  if (!(await m.existsBy(Apprentice, { id: apprenticeId, studioId })))
    throw validationFailed({ apprenticeId: '本工作室没有这个徒弟' });
}

export const CERTIFICATE_RECORD = defineRecord({
  kind: 'certificate',
  tag: '技能证书',
  entity: Certificate,
  dto: {
    create: CreateCertificateDto,
    update: UpdateCertificateDto,
    list: ListCertificatesQuery,
    response: CertificateView,
  },
  async view(m, rows): Promise<CertificateView[]> {
    const apprentices = rows.length
      ? await m
          .getRepository(Apprentice)
          .findBy({ id: In([...new Set(rows.map((r) => r.apprenticeId))]) })
      : [];
    const people = apprentices.length
      ? await m.getRepository(Person).findBy({ id: In(apprentices.map((a) => a.personId)) })
      : [];
    const nameOf = new Map(
      apprentices.map((a) => [a.id, people.find((p) => p.id === a.personId)?.name ?? '']),
    );
    return rows.map((r) => ({
      id: r.id,
      apprenticeId: r.apprenticeId,
      apprenticeName: nameOf.get(r.apprenticeId) ?? '',
      level: r.level,
      awardedOn: r.awardedOn,
      number: r.number,
    }));
  },
  filter(qb, q) {
    if (q.apprenticeId !== undefined) qb.andWhere('r.apprenticeId = :a', { a: q.apprenticeId });
    if (q.level) qb.andWhere('r.level = :level', { level: q.level });
    applyDateRange(qb, 'r.awardedOn', q);
    if (q.q)
      qb.andWhere(
        '(r.number LIKE :q OR r.apprenticeId IN (SELECT a.id FROM apprentices a JOIN people p ON p.id = a.person_id WHERE p.name LIKE :q))',
        { q: likeOf(q.q) },
      );
  },
  order: [
    ['r.awardedOn', 'DESC'],
    ['r.id', 'DESC'],
  ],
  async build(m, dto, studioId) {
    await requireApprentice(m, studioId, dto.apprenticeId);
    return {
      studioId,
      apprenticeId: dto.apprenticeId,
      level: dto.level,
      awardedOn: dto.awardedOn,
      number: dto.number ?? null,
    };
  },
  /** The holders checked with one query instead of one per certificate. */
  async buildMany(m, dtos, studioId) {
    const ids = [...new Set(dtos.map((d) => d.apprenticeId))];
    const ours = new Set(
      ids.length
        ? (
            await m
              .getRepository(Apprentice)
              .find({ where: { id: In(ids), studioId }, select: { id: true } })
          ).map((a) => a.id)
        : [],
    );
    return dtos.map((dto) =>
      ours.has(dto.apprenticeId)
        ? {
            studioId,
            apprenticeId: dto.apprenticeId,
            level: dto.level,
            awardedOn: dto.awardedOn,
            number: dto.number ?? null,
          }
        : validationFailed({ apprenticeId: '本工作室没有这个徒弟' }),
    );
  },
  async apply(m, row, dto, studioId) {
    if (dto.apprenticeId !== undefined) {
      await requireApprentice(m, studioId, dto.apprenticeId);
      row.apprenticeId = dto.apprenticeId;
    }
    if (dto.level !== undefined) row.level = dto.level;
    if (dto.awardedOn !== undefined) row.awardedOn = dto.awardedOn;
    if (dto.number !== undefined) row.number = dto.number;
  },
});

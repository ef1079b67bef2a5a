import { applyDateRange } from '../common/date-range';
import { defineRecord } from '../records/record-definition';
import { StudioDocument } from './document.entity';
import {
  CreateDocumentDto,
  DocumentView,
  ListDocumentsQuery,
  UpdateDocumentDto,
} from './dto/document.dto';
import { likeOf } from '../common/keyword';

export const DOCUMENT_RECORD = defineRecord({
  kind: 'document',
  tag: '计划与总结',
  entity: StudioDocument,
  dto: {
    create: CreateDocumentDto,
    update: UpdateDocumentDto,
    list: ListDocumentsQuery,
    response: DocumentView,
  },
  view: async (_m, rows): Promise<DocumentView[]> =>
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      year: r.year,
      submittedOn: r.submittedOn,
      title: r.title,
    })),
  filter(qb, q) {
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.year !== undefined) qb.andWhere('r.year = :year', { year: q.year });
    applyDateRange(qb, 'r.submittedOn', q);
    if (q.q) qb.andWhere('r.title LIKE :q', { q: likeOf(q.q) });
  },
  order: [
    ['r.submittedOn', 'DESC'],
    ['r.id', 'DESC'],
  ],
  build: async (_m, dto, studioId) => ({
    studioId,
    kind: dto.kind,
    year: dto.year,
    submittedOn: dto.submittedOn,
    title: dto.title ?? null,
  }),
  async apply(_m, row, dto) {
    Object.assign(row, dto);
  },
});

import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { applyDateRange } from '../common/date-range';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import { StudioDocument } from './document.entity';
import type { CreateDocumentDto, DocumentView, ListDocumentsQuery, UpdateDocumentDto } from './dto/document.dto';

export const DOCUMENT_SPEC: RecordSpec<StudioDocument, DocumentView> = {
  type: 'document',
  label: '材料',
  entity: StudioDocument,
  datesOf: (d) => [d.submittedOn],
  view: async (_m, rows) => rows.map((r) => ({ id: r.id, kind: r.kind, year: r.year, submittedOn: r.submittedOn, title: r.title })),
};

@Injectable()
export class DocumentsService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number, q: ListDocumentsQuery): Promise<Page<DocumentView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.list(DOCUMENT_SPEC, studioId, q, (qb) => {
      if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
      if (q.year !== undefined) qb.andWhere('r.year = :year', { year: q.year });
      applyDateRange(qb, 'r.submittedOn', q);
    }, [['r.submittedOn', 'DESC'], ['r.id', 'DESC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<DocumentView> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.get(DOCUMENT_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateDocumentDto): Promise<DocumentView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.create(caller, studio, DOCUMENT_SPEC, async () => ({ studioId, kind: dto.kind, year: dto.year, submittedOn: dto.submittedOn, title: dto.title ?? null }));
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateDocumentDto): Promise<DocumentView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, DOCUMENT_SPEC, id, async (_m, row) => {
      Object.assign(row, dto);
    });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, DOCUMENT_SPEC, id);
  }
}

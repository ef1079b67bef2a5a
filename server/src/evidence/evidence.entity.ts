import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One file attached to a studio record (`subjectKind` a record kind, `subjectKey` its id) or to
 * a facility (`subjectKind` 'facility', `subjectKey` sign / honours_board / …). The bytes live
 * in the blob storage under their SHA-256: the same photo attached twice is stored once.
 */
@Entity('evidence')
export class Evidence {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'studio_id', type: 'int' }) studioId: number;
  @Column({ name: 'subject_kind', type: 'varchar', length: 20 }) subjectKind: string;
  @Column({ name: 'subject_key', type: 'varchar', length: 40 }) subjectKey: string;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  @Column({ type: 'varchar', length: 100 }) mime: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ name: 'file_name', type: 'varchar', length: 200 }) fileName: string;
  @Column({ name: 'has_thumb', type: 'boolean' }) hasThumb: boolean;
  @Column({ type: 'int', nullable: true }) width: number | null;
  @Column({ type: 'int', nullable: true }) height: number | null;
  @Column({ name: 'uploaded_by', type: 'int', nullable: true }) uploadedBy: number | null;
  @Column({ name: 'uploaded_at', type: 'datetime' }) uploadedAt: Date;
}

/** A studio's evidence settings (absent row: defaults). */
@Entity('evidence_settings')
export class EvidenceSettings {
  @PrimaryColumn({ name: 'studio_id', type: 'int' }) studioId: number;
  /** Keep photos' EXIF (location, device) on purpose; default false: stripped on upload. */
  @Column({ name: 'keep_photo_metadata', type: 'boolean' }) keepPhotoMetadata: boolean;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type TextByLang = { ar: string | null; fr: string | null; en: string | null };
export const EDITION_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];
export const SESSION_KINDS = ['MORNING', 'AFTERNOON'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

@Entity('forum_edition')
export class ForumEditionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'jsonb' }) name: TextByLang;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text', default: 'Africa/Algiers' }) timezone: string;
  @Column({ type: 'date', name: 'starts_on' }) startsOn: string;
  @Column({ type: 'date', name: 'ends_on' }) endsOn: string;
  @Column({ type: 'text', default: 'DRAFT' }) status: EditionStatus;
  @Column({ type: 'int', name: 'slot_minutes' }) slotMinutes: number;
  @Column({ type: 'int', name: 'request_expiry_hours', default: 72 }) requestExpiryHours: number;
  @Column({ type: 'int', name: 'max_meetings_per_delegate', nullable: true }) maxMeetingsPerDelegate:
    number | null;
  @Column({ type: 'int', name: 'max_requests_per_delegate', nullable: true }) maxRequestsPerDelegate:
    number | null;
  @Column({ type: 'int', default: 2 }) fairness: number;
  /** How long before a meeting its participants get a reminder (0: none). */
  @Column({ type: 'int', name: 'reminder_minutes', default: 15 }) reminderMinutes: number;
  @Column({ type: 'int', name: 'published_version', default: 0 }) publishedVersion: number;
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true }) publishedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export interface SessionBreak {
  /** Local time, HH:MM. */
  start: string;
  end: string;
}

@Entity('forum_session')
export class ForumSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'date' }) day: string;
  @Column({ type: 'text' }) kind: SessionKind;
  @Column({ type: 'time', name: 'starts_at' }) startsAt: string;
  @Column({ type: 'time', name: 'ends_at' }) endsAt: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) breaks: SessionBreak[];
}

@Entity('forum_slot')
export class ForumSlotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'uuid', name: 'session_id' }) sessionId: string;
  /** Order within the edition, from 0. */
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'date' }) day: string;
  @Column({ type: 'text' }) session: SessionKind;
  @Column({ type: 'timestamptz', name: 'starts_at' }) startsAt: Date;
  @Column({ type: 'timestamptz', name: 'ends_at' }) endsAt: Date;
  @Column({ type: 'boolean', name: 'is_break', default: false }) isBreak: boolean;
}

@Entity('forum_table')
export class ForumTableEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'int', default: 2 }) capacity: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  @Column({ type: 'boolean', default: false }) interpreter: boolean;
  /** The organisation whose stand this table is. */
  @Column({ type: 'uuid', name: 'organization_id', nullable: true }) organizationId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

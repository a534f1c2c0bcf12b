import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const MEETING_STATUSES = ['DRAFT', 'PUBLISHED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_OUTCOMES = [
  'HELD',
  'NO_SHOW',
  'FOLLOW_UP',
  // Later stages, reported months after the meeting: each one means the meeting was held.
  'NEGOTIATION_STARTED',
  'AGREEMENT_SIGNED',
  'CONTRACT_SIGNED',
] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

@Entity('forum_meeting')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'uuid', name: 'request_id', nullable: true }) requestId: string | null;
  @Column({ type: 'uuid', name: 'slot_id' }) slotId: string;
  @Column({ type: 'uuid', name: 'table_id', nullable: true }) tableId: string | null;
  @Column({ type: 'text', default: 'DRAFT' }) status: MeetingStatus;
  @Column({ type: 'boolean', default: false }) pinned: boolean;
  @Column({ type: 'uuid', name: 'published_slot_id', nullable: true }) publishedSlotId: string | null;
  @Column({ type: 'uuid', name: 'published_table_id', nullable: true }) publishedTableId: string | null;
  /** iCalendar SEQUENCE: rises each time delegates are shown a change. */
  @Column({ type: 'int', default: 0 }) sequence: number;
  /** iCalendar UID, stable for the meeting's whole life. */
  @Column({ type: 'text' }) uid: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('forum_meeting_participant')
export class MeetingParticipantEntity {
  @PrimaryColumn({ type: 'uuid', name: 'meeting_id' }) meetingId: string;
  @PrimaryColumn({ type: 'uuid', name: 'delegate_id' }) delegateId: string;
  /** Mirrors the meeting's slot and status (kept in step by the database). */
  @Column({ type: 'uuid', name: 'slot_id' }) slotId: string;
  @Column({ type: 'text' }) status: MeetingStatus;
  /** What this participant's side reported after the meeting. */
  @Column({ type: 'text', nullable: true }) outcome: MeetingOutcome | null;
  @Column({ type: 'text', name: 'outcome_note', nullable: true }) outcomeNote: string | null;
  @Column({ type: 'uuid', name: 'outcome_reported_by', nullable: true }) outcomeReportedBy: string | null;
  @Column({ type: 'timestamptz', name: 'outcome_reported_at', nullable: true })
  outcomeReportedAt: Date | null;
}

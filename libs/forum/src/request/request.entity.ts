import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REQUEST_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const SESSION_PREFERENCES = ['ANY', 'MORNING', 'AFTERNOON'] as const;
export type SessionPreference = (typeof SESSION_PREFERENCES)[number];
export const REQUEST_SOURCES = ['MANUAL', 'SUGGESTION', 'ORGANISER', 'WALK_IN'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

@Entity('forum_meeting_request')
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'uuid', name: 'from_delegate_id' }) fromDelegateId: string;
  @Column({ type: 'uuid', name: 'from_organization_id' }) fromOrganizationId: string;
  @Column({ type: 'uuid', name: 'to_delegate_id', nullable: true }) toDelegateId: string | null;
  @Column({ type: 'uuid', name: 'to_organization_id' }) toOrganizationId: string;
  @Column({ type: 'text', nullable: true }) message: string | null;
  /** 1 (low) to 3 (high): the weight of the meeting in the scheduler's first objective. */
  @Column({ type: 'int', default: 2 }) priority: number;
  @Column({ type: 'text', default: 'ANY' }) session: SessionPreference;
  @Column({ type: 'text', default: 'PENDING' }) status: RequestStatus;
  @Column({ type: 'text', default: 'MANUAL' }) source: RequestSource;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  @Column({ type: 'uuid', name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column({ type: 'uuid', name: 'responded_by', nullable: true }) respondedBy: string | null;
  @Column({ type: 'timestamptz', name: 'responded_at', nullable: true }) respondedAt: Date | null;
  @Column({ type: 'uuid', name: 'cancelled_by_organization_id', nullable: true })
  cancelledByOrganizationId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** A walk-in request's slot (and table): the meeting is booked there when the other side consents. */
  @Column({ type: 'uuid', name: 'proposed_slot_id', nullable: true }) proposedSlotId: string | null;
  @Column({ type: 'uuid', name: 'proposed_table_id', nullable: true }) proposedTableId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

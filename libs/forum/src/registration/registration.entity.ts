import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MEETING_GOALS, type MeetingGoal } from '#directory/taxonomy';
import type { TextByLang } from '../edition/edition.entity.js';

/** A delegate's goals are the shared meeting goals of the taxonomy, which the meeting suggestions weigh. */
export const DELEGATE_GOALS = MEETING_GOALS;
export type DelegateGoal = MeetingGoal;
export const DELEGATE_STATUSES = ['REGISTERED', 'WITHDRAWN'] as const;
export type DelegateStatus = (typeof DELEGATE_STATUSES)[number];

@Entity('forum_group')
export class ForumGroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'jsonb' }) name: TextByLang;
  @Column({ type: 'int', name: 'max_meetings', nullable: true }) maxMeetings: number | null;
  @Column({ type: 'int', name: 'max_requests', nullable: true }) maxRequests: number | null;
}

@Entity('forum_group_rule')
export class ForumGroupRuleEntity {
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @PrimaryColumn({ type: 'uuid', name: 'group_id' }) groupId: string;
  @PrimaryColumn({ type: 'uuid', name: 'may_meet_group_id' }) mayMeetGroupId: string;
}

@Entity('forum_delegate')
export class ForumDelegateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'uuid', name: 'organization_id' }) organizationId: string;
  @Column({ type: 'uuid', name: 'user_id', nullable: true }) userId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) goals: DelegateGoal[];
  @Column({ type: 'uuid', name: 'group_id', nullable: true }) groupId: string | null;
  @Column({ type: 'text', default: 'REGISTERED' }) status: DelegateStatus;
  @Column({ type: 'timestamptz', name: 'checked_in_at', nullable: true }) checkedInAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

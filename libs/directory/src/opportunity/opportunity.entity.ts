import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { OpportunityStatus, OpportunityType } from '../taxonomy/codes.js';
import { OrganizationEntity, type TextByLang } from '../organisation/organisation.entity.js';

const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v == null ? null : Number(v)),
};

@Entity('opportunity')
@Index('opportunity_org_idx', ['organizationId', 'createdAt'])
export class OpportunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  type: OpportunityType;

  @Column({ type: 'text', default: 'OPEN' })
  status: OpportunityStatus;

  @Column({ type: 'jsonb' })
  title: TextByLang;

  @Column({ type: 'jsonb' })
  description: TextByLang;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  processes: string[];

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  quantity: number | null;

  @Column({ type: 'text', name: 'quantity_unit', nullable: true })
  quantityUnit: string | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  amount: number | null;

  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countries: string[];

  @Column({ type: 'text', array: true, name: 'required_certifications', default: () => "'{}'" })
  requiredCertifications: string[];

  @Column({ type: 'text', array: true, name: 'required_processes', default: () => "'{}'" })
  requiredProcesses: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  materials: string[];

  @Column({ type: 'text', array: true, name: 'region_codes', default: () => "'{}'" })
  regionCodes: string[];

  @Column({ type: 'text', array: true, name: 'preferred_certifications', default: () => "'{}'" })
  preferredCertifications: string[];

  @Column({ type: 'text', array: true, name: 'preferred_region_codes', default: () => "'{}'" })
  preferredRegionCodes: string[];

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'date', name: 'expires_at', nullable: true })
  expiresAt: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

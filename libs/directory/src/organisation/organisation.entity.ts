import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Labels } from '../taxonomy/taxonomy.js';
import type { OrganizationKind, OrganizationStatus, OrganizationSubtype } from '../taxonomy/codes.js';
import type { CreateOrganizationData } from './organisation.schema.js';
import { ContactPersonEntity } from './contact-person.entity.js';

export type TextByLang = { ar: string | null; fr: string | null; en: string | null };
export type Capability = CreateOrganizationData['capabilities'][number];
export type Innovation = CreateOrganizationData['innovation'];
export type Programme = CreateOrganizationData['programmes'][number];
export type FinancierTerms = NonNullable<CreateOrganizationData['financier']>;

@Entity('organization')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'external_ref', nullable: true, unique: true })
  externalRef: string | null;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text', nullable: true })
  subtype: OrganizationSubtype | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: OrganizationStatus;

  @Column({ type: 'jsonb' })
  name: TextByLang;

  @Column({ type: 'jsonb' })
  description: TextByLang;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text', name: 'region_code', nullable: true })
  regionCode: string | null;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'text', name: 'employee_band', nullable: true })
  employeeBand: string | null;

  @Column({ type: 'int', name: 'founded_year', nullable: true })
  foundedYear: number | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  certifications: string[];

  @Column({ type: 'text', array: true, name: 'target_certifications', default: () => "'{}'" })
  targetCertifications: string[];

  /** Past collaborations, partners named by their import ref. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  collaborations: { ref: string; year: number }[];

  @Column({ type: 'jsonb' })
  innovation: Innovation;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  capabilities: Capability[];

  /** Process codes of `capabilities`, kept as a column so Postgres can filter on them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  processes: string[];

  @Column({ type: 'text', array: true, name: 'purchasing_categories', default: () => "'{}'" })
  purchasingCategories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  programmes: Programme[];

  @Column({ type: 'jsonb', nullable: true })
  financier: FinancierTerms | null;

  @OneToMany(() => ContactPersonEntity, (c) => c.organization)
  contacts: Relation<ContactPersonEntity[]>;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  reviewedAt: Date | null;

  @Column({ name: 'review_note', type: 'text', nullable: true, insert: false, update: false })
  reviewNote: string | null;
}

export type { Labels };

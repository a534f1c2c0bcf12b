import { Column, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from './organisation.entity.js';

/** A person to contact at an organisation: private data, never indexed in search. */
@Entity('contact_person')
@Index('contact_person_org_idx', ['organizationId', 'position'])
export class ContactPersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, (o) => o.contacts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;
}

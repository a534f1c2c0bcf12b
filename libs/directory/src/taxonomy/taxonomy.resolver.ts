import { Authorize, Public } from '#identity';
import { Args, Context, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { LangEnum } from '../graphql/common.types.js';
import type { GqlContext } from '#identity';
import type { Lang } from './codes.js';
import { COUNTRIES, pickLabel, SECTORS, WILAYAS } from './taxonomy.js';
import { VOCABULARIES, type VocabularyName } from './labels.js';

@ObjectType({ description: 'A code of a controlled vocabulary with its label in the requested language' })
export class TaxonomyEntry {
  @Field({ description: 'The code, as used in inputs and filters' }) code: string;
  @Field({ description: 'Its label in the requested language' }) label: string;
  @Field(() => String, { nullable: true, description: 'Parent code (ISIC section of a division)' }) parent?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Level in the classification, e.g. section or division',
  })
  level?: string | null;
  @Field({ nullable: true, description: 'Member of the League of Arab States' }) arabLeague?: boolean;
}

const langArg = {
  type: () => LangEnum,
  nullable: true,
  description: 'Defaults from Accept-Language',
} as const;

@Resolver()
export class TaxonomyResolver {
  private vocabulary(name: VocabularyName, lang: Lang): TaxonomyEntry[] {
    const v = VOCABULARIES[name];
    return v.codes.map((code) => ({ code, label: pickLabel(v.labels[code], lang) }));
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], { description: 'ISIC Rev.4 sections and divisions' })
  sectors(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    const l = lang ?? ctx.lang;
    return SECTORS.map((s) => ({
      code: s.code,
      label: pickLabel(s.label, l),
      parent: s.parent,
      level: s.level,
    }));
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], { description: 'ISO 3166-1 countries, the Arab League members first' })
  countries(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    const l = lang ?? ctx.lang;
    return COUNTRIES.map((c) => ({ code: c.code, label: pickLabel(c.name, l), arabLeague: c.arabLeague }));
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], { description: 'Regions with codes: the wilayas of Algeria (DZ-NN)' })
  regions(
    @Args('country', {
      defaultValue: 'DZ',
      description: 'ISO 3166-1 alpha-2 code; only DZ has regions, others give an empty list',
    })
    country: string,
    @Args('lang', langArg) lang: Lang | null,
    @Context() ctx: GqlContext,
  ): TaxonomyEntry[] {
    if (country !== 'DZ') return [];
    const l = lang ?? ctx.lang;
    return WILAYAS.map((w) => ({ code: w.code, label: pickLabel(w.name, l), parent: 'DZ' }));
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], { description: 'Manufacturing processes and service capabilities' })
  processes(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    return this.vocabulary('process', lang ?? ctx.lang);
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], {
    description: 'Certification codes (the Certification enum) with their labels',
  })
  certifications(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    return this.vocabulary('certification', lang ?? ctx.lang);
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], {
    description: 'Financing instrument codes (the FinancingInstrument enum) with their labels',
  })
  financingInstruments(
    @Args('lang', langArg) lang: Lang | null,
    @Context() ctx: GqlContext,
  ): TaxonomyEntry[] {
    return this.vocabulary('instrument', lang ?? ctx.lang);
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], {
    description: 'Organisation kinds (the OrganizationKind enum) with their labels',
  })
  organizationKinds(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    return this.vocabulary('kind', lang ?? ctx.lang);
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], {
    description: 'Organisation subtypes (the OrganizationSubtype enum) with their labels',
  })
  organizationSubtypes(
    @Args('lang', langArg) lang: Lang | null,
    @Context() ctx: GqlContext,
  ): TaxonomyEntry[] {
    return this.vocabulary('subtype', lang ?? ctx.lang);
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], {
    description: 'Headcount bands used in profiles and filters, e.g. 10-49, with their labels',
  })
  employeeBands(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    return this.vocabulary('employeeBand', lang ?? ctx.lang);
  }

  @Authorize(Public)
  @Query(() => [TaxonomyEntry], {
    description: 'Opportunity types (the OpportunityType enum) with their labels',
  })
  opportunityTypes(@Args('lang', langArg) lang: Lang | null, @Context() ctx: GqlContext): TaxonomyEntry[] {
    return this.vocabulary('opportunityType', lang ?? ctx.lang);
  }
}

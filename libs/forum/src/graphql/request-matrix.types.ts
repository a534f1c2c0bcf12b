import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedText } from '#directory';
import { MATRIX_GROUPINGS } from '../request/request-matrix.service.js';

export const MatrixGroupingEnum = Object.fromEntries(MATRIX_GROUPINGS.map((g) => [g, g])) as {
  [K in (typeof MATRIX_GROUPINGS)[number]]: K;
};
registerEnumType(MatrixGroupingEnum, {
  name: 'MeetingRequestMatrixGrouping',
  description: 'What the rows and columns of the request matrix are',
  valuesMap: {
    ORGANIZATION: { description: 'The requesting and the requested organisation' },
    COUNTRY: { description: "The organisations' countries (ISO 3166-1 alpha-2)" },
    GROUP: {
      description:
        "The requesting and the requested delegate's group (null: no group, or no delegate named yet)",
    },
  },
});

@ObjectType('MeetingRequestMatrixCell', {
  description: 'How many requests one side sent to another, by status',
})
export class MeetingRequestMatrixCellType {
  @Field(() => String, {
    nullable: true,
    description: 'The requesting side: organisation id, country code or group id (null: no group)',
  })
  fromKey: string | null;
  @Field(() => LocalizedText, {
    nullable: true,
    description: "The requesting organisation's or group's name; null for countries",
  })
  fromLabel: LocalizedText | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The requested side: organisation id, country code or group id (null: no group or delegate yet)',
  })
  toKey: string | null;
  @Field(() => LocalizedText, {
    nullable: true,
    description: "The requested organisation's or group's name; null for countries",
  })
  toLabel: LocalizedText | null;
  @Field(() => Int, { description: 'Requests waiting for an answer' }) pending: number;
  @Field(() => Int, { description: 'Requests accepted' }) accepted: number;
  @Field(() => Int, { description: 'Requests in the statuses asked for (all statuses by default)' })
  total: number;
}

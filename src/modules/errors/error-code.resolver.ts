import { Field, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { ERROR_CODE_MEANINGS, ErrorCode } from '../../errors';
import { Public } from '../../graphql/guards';

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: "Every code an error's `extensions.code` can carry, Apollo Server's own included (错误代码).",
  valuesConfig: Object.fromEntries(
    Object.values(ErrorCode).map((code) => [
      code,
      {
        description: `${ERROR_CODE_MEANINGS[code].en}\n${ERROR_CODE_MEANINGS[code].zh}`,
      },
    ]),
  ),
});

@ObjectType('ErrorCodeInfo', { description: 'An error code and what it means (错误代码说明).' })
class ErrorCodeInfo {
  @Field(() => ErrorCode, { description: 'The code, as in `extensions.code` (代码)' }) code: ErrorCode;
  @Field({ description: 'What it means and what to do, in Chinese (中文说明)' }) zh: string;
  @Field({ description: 'What it means and what to do, in English (英文说明)' }) en: string;
}

@Resolver()
export class ErrorCodeResolver {
  @Query(() => [ErrorCodeInfo], {
    nullable: true,
    description: 'Every error code a response can carry, with its meaning in Chinese and English (错误代码表).',
  })
  @Public('The error contract is public API: clients handle these codes before anyone signs in, sign-in itself included.')
  errorCodes(): ErrorCodeInfo[] {
    return Object.values(ErrorCode).map((code) => ({ code, ...ERROR_CODE_MEANINGS[code] }));
  }
}

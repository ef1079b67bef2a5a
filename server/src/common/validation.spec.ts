import type { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DemoSignInDto, WechatSignInDto } from '../auth/dto/auth.dto';
import { SubmitCheckinDto } from '../checkin/dto/checkin.dto';
import { CreateFundDto } from '../funds/dto/fund.dto';
import { CreateInvitationDto, RedeemInvitationDto } from '../invitations/dto/invitation.dto';
import { PutJudgmentDto } from '../judgments/dto/judgment.dto';
import { CreateUnitDto } from '../org/dto/unit.dto';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import { CreateSignoffDto } from '../signoffs/dto/signoff.dto';
import {
  CreateStudioDto,
  NewLeaderDto,
  UpdateStandingDto,
  UpdateStudioDto,
} from '../studios/dto/studio.dto';
import { DomainError } from './domain-error';
import { createValidationPipe, orderedMessages, TYPE_CONSTRAINTS } from './validation';

const CREATE_DTOS: Type<object>[] = [
  ...Object.values(RECORD_DEFINITIONS).map((d) => d.dto.create as Type<object>),
  CreateStudioDto,
  NewLeaderDto,
  UpdateStudioDto,
  UpdateStandingDto,
  CreateUnitDto,
  CreateInvitationDto,
  RedeemInvitationDto,
  CreateSignoffDto,
  PutJudgmentDto,
  SubmitCheckinDto,
  WechatSignInDto,
  DemoSignInDto,
];

const pipe = createValidationPipe();
async function fieldsOf(cls: Type<object>, body: object): Promise<Record<string, string>> {
  try {
    await pipe.transform(body, { type: 'body', metatype: cls });
    return {};
  } catch (e) {
    if (e instanceof DomainError) return e.fields ?? {};
    throw e;
  }
}

/** Per property: the messages of its required and type constraints (what a missing or wrong-typed value must say). */
function kindMessages(cls: Type<object>): Map<string, { messages: string[]; numeric: boolean }> {
  const out = new Map<string, { messages: string[]; numeric: boolean }>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
    const entry = out.get(m.propertyName) ?? { messages: [], numeric: false };
    const name = m.name ?? m.type;
    if (
      (name === 'isDefined' || name === 'isNotEmpty' || TYPE_CONSTRAINTS.has(name)) &&
      typeof m.message === 'string'
    )
      entry.messages.push(m.message);
    if (name === 'isNumber' || name === 'isInt' || name === 'isBoolean') entry.numeric = true;
    out.set(m.propertyName, entry);
  }
  return out;
}

describe('validation messages', () => {
  describe(orderedMessages.name, () => {
    it('puts required, then type, then the rest, each in written order', () => {
      // As class-validator lists them for @IsNumber @Min @Max: bottom-up.
      expect(
        orderedMessages({ max: '金额过大', min: '金额必须大于 0', isNumber: '金额必须是数字' }),
      ).toEqual(['金额必须是数字', '金额必须大于 0', '金额过大']);
      expect(
        orderedMessages({ maxLength: '过长', isNotEmpty: '请填写', isString: '必须是文字' }),
      ).toEqual(['请填写', '必须是文字', '过长']);
    });
  });

  it('answers the reported cases with what is wrong', async () => {
    const activity = RECORD_DEFINITIONS.activity.dto.create as Type<object>;
    const document = RECORD_DEFINITIONS.document.dto.create as Type<object>;
    expect((await fieldsOf(CreateFundDto, {})).amount).toBe('金额必须是数字，最多两位小数');
    expect((await fieldsOf(activity, {})).title).toBe('请填写活动名称');
    expect((await fieldsOf(document, { year: '2025' })).year).toBe('年度必须是整数');
  });

  it.each(CREATE_DTOS.map((c) => [c.name, c] as const))(
    '%s: a missing or wrong-typed field names a required or type problem',
    async (_, cls) => {
      const props = kindMessages(cls);
      const missing = await fieldsOf(cls, {});
      const wrong = await fieldsOf(
        cls,
        Object.fromEntries(
          [...props].map(([p, { numeric }]) => [p, numeric ? 'x' : 12345678901234]),
        ),
      );
      for (const [p, { messages }] of props) {
        if (messages.length === 0) continue;
        for (const answer of [missing[p], wrong[p]])
          if (answer !== undefined)
            expect({ p, answer, ok: messages.includes(answer) }).toEqual({ p, answer, ok: true });
      }
    },
  );
});

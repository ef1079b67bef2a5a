import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  onboardingApi,
  type CreatedInvitation,
  type NewStudio as NewStudioBody,
} from '@/services/onboarding-api';
import { ApiError, describeError } from '@/services/errors';
import { currentRole } from '@/services/session';
import {
  EMPTY_NEW_STUDIO,
  formFieldOf,
  RETIREMENT_OPTIONS,
  nameFormatError,
  validateNewStudio,
  type NewStudioForm,
} from '@/lib/new-studio';
import { options } from '@/lib/labels';
import { SKILL_LEVELS } from '@/lib/vocab';
import { todayISO } from '@/lib/format';
import { DateField, SelectField, TextField } from '@/components/Field';
import { BIRTH_DATE } from '@/lib/date-picker';
import { InvitePanel } from '@/components/InvitePanel';
import { Button } from '@/components/ui';
import { UnitPicker } from './UnitPicker';

type Errors = Partial<Record<keyof NewStudioForm, string>>;

/** The reviewer recognizes a studio (in an existing or a new unit), then invites its leader and the unit's contact. */
export default function NewStudio() {
  const role = currentRole();
  const jid = role?.jurisdictionId ?? 0;
  const [f, setF] = useState<NewStudioForm>(EMPTY_NEW_STUDIO);
  const [unitName, setUnitName] = useState('');
  // The jurisdiction's policy (told by the unit picker's first page), whose name format the name
  // is checked against as it is typed.
  const [policyId, setPolicyId] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{
    id: number;
    name: string;
    unitId: number;
    leaderName: string;
  } | null>(null);
  const [invitation, setInvitation] = useState<CreatedInvitation | null>(null);
  const set = (k: keyof NewStudioForm) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const nameFormat = nameFormatError(f, policyId);

  const submit = async () => {
    const e = validateNewStudio(f, todayISO(), policyId);
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const unitId =
        f.unitId === 'new'
          ? (await onboardingApi.createUnit(jid, f.newUnitName.trim())).id
          : Number(f.unitId);
      if (f.unitId === 'new') {
        setF((x) => ({ ...x, unitId: String(unitId) }));
        setUnitName(f.newUnitName.trim());
      }
      const s = await onboardingApi.createStudio({
        unitId,
        name: f.name.trim(),
        trade: f.trade.trim(),
        recognizedOn: f.recognizedOn,
        leader: {
          name: f.leaderName.trim(),
          birthDate: f.leaderBirthDate,
          retirementCategory:
            f.leaderRetirementCategory as NewStudioBody['leader']['retirementCategory'],
          skillLevel: f.leaderSkillLevel as NewStudioBody['leader']['skillLevel'],
          fullTime: f.leaderFullTime === 'true',
        },
      });
      setCreated({ id: s.id, name: s.name, unitId, leaderName: s.leader.name });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        const mapped: Errors = {};
        for (const [k, v] of Object.entries(err.fields)) mapped[formFieldOf(k) ?? 'name'] = v;
        setErrors(mapped);
      } else {
        void Taro.showToast({ title: describeError(err), icon: 'none' });
      }
    } finally {
      setBusy(false);
    }
  };

  const invite = async (kind: 'leader' | 'unit_contact') => {
    if (!created) return;
    try {
      setInvitation(
        await onboardingApi.createInvitation(
          kind === 'leader'
            ? { role: 'leader', studioId: created.id }
            : { role: 'unit_contact', unitId: created.unitId },
        ),
      );
    } catch (err) {
      void Taro.showToast({ title: describeError(err), icon: 'none' });
    }
  };

  if (created) {
    return (
      <View className="page" data-testid="studio-created">
        <View className="hero">
          <Text className="hero__title">{created.name}</Text>
          <Text className="hero__sub">
            已建立。邀请领办人{created.leaderName}和单位联系人用微信加入
          </Text>
        </View>
        <View className="lift">
          {invitation && <InvitePanel invitation={invitation} />}
          <View className="m-0-12-12">
            <Button
              type="primary"
              size="large"
              block
              onClick={() => void invite('leader')}
              data-testid="invite-leader"
            >
              邀请领办人
            </Button>
          </View>
          <View className="m-0-12-12">
            <Button
              size="large"
              block
              onClick={() => void invite('unit_contact')}
              data-testid="invite-unit-contact"
            >
              邀请单位联系人
            </Button>
          </View>
          <View className="m-0-12">
            <Button
              size="large"
              block
              onClick={() =>
                void Taro.reLaunch({ url: `/pages/reviewer/home/index?jurisdictionId=${jid}` })
              }
            >
              返回辖区首页
            </Button>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="page" data-testid="new-studio">
      <View className="hero">
        <Text className="hero__title">新建工作室</Text>
        <Text className="hero__sub">{role?.jurisdictionName ?? '本辖区'} · 考核政策随辖区</Text>
      </View>
      <View className="lift">
        <View className="list-card">
          <UnitPicker
            jurisdictionId={jid}
            value={f.unitId}
            name={unitName}
            error={errors.unitId}
            onChange={(v, n) => {
              set('unitId')(v);
              setUnitName(n);
            }}
            onPolicy={setPolicyId}
          />
          {f.unitId === 'new' && (
            <TextField
              label="单位名称"
              required
              value={f.newUnitName}
              error={errors.newUnitName}
              testId="ns-unit-name"
              onChange={set('newUnitName')}
            />
          )}
          <TextField
            label="工作室名称"
            required
            value={f.name}
            error={nameFormat ?? errors.name}
            testId="ns-name"
            placeholder="如 张建国焊工技能大师工作室"
            onChange={set('name')}
          />
          <TextField
            label="职业(工种)"
            required
            value={f.trade}
            error={errors.trade}
            testId="ns-trade"
            placeholder="如 焊工"
            onChange={set('trade')}
          />
          <DateField
            label="认定日期"
            required
            value={f.recognizedOn}
            error={errors.recognizedOn}
            testId="ns-recognized"
            onChange={set('recognizedOn')}
          />
        </View>
        <Text className="block p-4-16-8 fw-600">领办人</Text>
        <View className="list-card">
          <TextField
            label="姓名"
            required
            value={f.leaderName}
            error={errors.leaderName}
            testId="ns-leader-name"
            onChange={set('leaderName')}
          />
          <DateField
            label="出生日期"
            required
            value={f.leaderBirthDate}
            error={errors.leaderBirthDate}
            testId="ns-leader-birth"
            range={BIRTH_DATE}
            allowFuture={false}
            onChange={set('leaderBirthDate')}
          />
          <SelectField
            label="退休类别"
            required
            value={f.leaderRetirementCategory}
            error={errors.leaderRetirementCategory}
            testId="ns-leader-retirement"
            options={RETIREMENT_OPTIONS}
            onChange={set('leaderRetirementCategory')}
          />
          <SelectField
            label="技能等级"
            required
            value={f.leaderSkillLevel}
            error={errors.leaderSkillLevel}
            testId="ns-leader-level"
            options={options('skillLevel', SKILL_LEVELS)}
            onChange={set('leaderSkillLevel')}
          />
          <SelectField
            label="是否专职"
            value={f.leaderFullTime}
            error={errors.leaderFullTime}
            options={[
              { value: 'true', text: '专职' },
              { value: 'false', text: '兼职' },
            ]}
            onChange={set('leaderFullTime')}
          />
        </View>
      </View>
      <View className="bottom-bar">
        <Button
          type="primary"
          size="large"
          loading={busy}
          onClick={() => void submit()}
          data-testid="ns-submit"
        >
          建立工作室
        </Button>
      </View>
    </View>
  );
}

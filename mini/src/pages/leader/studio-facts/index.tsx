import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getPolicy, LABELS_ZH, POLICY_IDS, studioNameCheck } from '@master-studio/shared-rules';
import { currentRole } from '@/services/session';
import { studioApi, type Studio } from '@/services/studio-api';
import { studioFactsApi, type StudioFactsPatch } from '@/services/studio-facts-api';
import { ApiError, describeError } from '@/services/errors';
import { TextField } from '@/components/Field';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { FactsStatus, FLAG_FIELDS, type FlagField } from '@/components/StudioFactsCard';

type Flags = Record<FlagField, boolean | null>;

/** 有 / 没有 as two taps (a native picker would hide the choice behind a wheel). */
function YesNo(props: { field: FlagField; value: boolean | null; onChange: (v: boolean) => void }) {
  const { field, value, onChange } = props;
  return (
    <View className="row row--between list-item" data-testid={`fact-${field}`}>
      <Text className="fs-15 grow">{LABELS_ZH.studioFields[field]}</Text>
      {[true, false].map((v) => (
        <Text
          key={String(v)}
          className={`tap-link fs-15 ml-8 ${value === v ? 'text-primary fw-700' : 'text-muted'}`}
          data-testid={`fact-${field}-${v ? 'yes' : 'no'}`}
          onClick={() => onChange(v)}
        >
          {value === v ? '● ' : '○ '}
          {v ? '有' : '没有'}
        </Text>
      ))}
    </View>
  );
}

function Editor({ studio, onSaved }: { studio: Studio; onSaved: () => void }) {
  const [name, setName] = useState(studio.name);
  const [area, setArea] = useState(studio.areaSqm === null ? '' : String(studio.areaSqm));
  const [flags, setFlags] = useState<Flags>(
    () => Object.fromEntries(FLAG_FIELDS.map((k) => [k, studio[k]])) as Flags,
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setName(studio.name), [studio.name]);

  const policyId = studio.jurisdiction.policyId;
  const nameError = !name.trim()
    ? '请填写工作室名称'
    : name.length > 120
      ? '工作室名称不能超过 120 字'
      : POLICY_IDS.includes(policyId)
        ? studioNameCheck(getPolicy(policyId), name, studio.leader.name, studio.trade)?.message
        : undefined;
  const areaError =
    area.trim() === ''
      ? undefined
      : !/^\d+$/.test(area.trim())
        ? '场地面积须为整数（平方米）'
        : Number(area) > 100000
          ? '面积数值过大'
          : undefined;

  const save = async () => {
    if (nameError || areaError) {
      void Taro.showToast({ title: nameError ?? areaError ?? '', icon: 'none' });
      return;
    }
    const body: StudioFactsPatch = {};
    if (name.trim() !== studio.name) body.name = name.trim();
    if (area.trim() !== '' && Number(area) !== studio.areaSqm) body.areaSqm = Number(area);
    for (const k of FLAG_FIELDS) {
      const v = flags[k];
      if (v !== null && v !== studio[k]) body[k] = v;
    }
    if (!Object.keys(body).length) {
      void Taro.showToast({ title: '没有修改', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await studioFactsApi.update(studio.id, body);
      void Taro.showToast({ title: '已保存，待单位确认', icon: 'success' });
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setServerErrors(e.fields);
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className="card">
        <View className="row row--between">
          <Text className="fs-16 fw-600">单位确认</Text>
          <FactsStatus studio={studio} />
        </View>
        <Text className="muted block fs-13 mt-6">
          名称、场地和设施由领办人维护，单位联系人确认后计入考核；修改后须重新确认。
        </Text>
      </View>
      <View className="list-card">
        <TextField
          label="工作室名称"
          required
          value={name}
          error={serverErrors.name || nameError}
          testId="facts-name"
          maxLength={120}
          onChange={setName}
        />
        <TextField
          label="场地面积"
          type="number"
          value={area}
          placeholder="平方米"
          error={serverErrors.areaSqm || areaError}
          testId="facts-area"
          onChange={setArea}
        />
        {FLAG_FIELDS.map((k) => (
          <YesNo
            key={k}
            field={k}
            value={flags[k]}
            onChange={(v) => setFlags((f) => ({ ...f, [k]: v }))}
          />
        ))}
      </View>
      <View className="bottom-bar">
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          data-testid="save-facts"
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}

/** The leader keeps the studio's own facts: name, area and the facilities the assessment counts. */
export default function StudioFacts() {
  const studioId = Number(useRouter().params.studioId || currentRole()?.studioId || 0);
  const studio = useAsync(() => studioApi.get(studioId), [studioId]);
  return (
    <View className="page pt-12" data-testid="studio-facts-page">
      <StateView state={studio} rows={8}>
        {(s) => <Editor studio={s} onSaved={studio.reload} />}
      </StateView>
    </View>
  );
}

import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { studioApi, type RecordType } from '@/services/studio-api';
import { describeError, ApiError } from '@/services/errors';
import { todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import { diffProgress, isEmptyDiff, withDraft } from '@/lib/preview';
import { RECORDS, fieldOptions, validate, type FormValues } from '@/lib/records';
import { evaluateOnDevice } from '@/lib/rules';
import { DateField, SelectField, TextField } from '@/components/Field';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';

/** Add a record of any kind; before saving, shows what it changes in the targets. */
export default function RecordEdit() {
  const params = useRouter().params as Record<string, string | undefined>;
  const { studioId = '', apprenticeId, name } = params;
  const type = (params.type ?? 'activities') as RecordType;
  const def = RECORDS[type];
  const today = todayISO();
  // Fields may be preset by the link (e.g. ?kind=industry_exchange from a reminder).
  const [values, setValues] = useState<FormValues>(() => {
    const v = def.defaults(today);
    for (const f of def.fields) if (params[f.name]) v[f.name] = decodeURIComponent(params[f.name] ?? '');
    return v;
  });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const facts = useAsync(() => studioApi.facts(Number(studioId), today), [studioId, today]);
  Taro.setNavigationBarTitle({ title: `新增${def.noun}${name ? ` · ${decodeURIComponent(name)}` : ''}` });

  const errors = validate(def, values);
  const ctx = { apprenticeId };

  const preview = useMemo(() => {
    if (!facts.data || Object.keys(errors).length > 0) return null;
    const draft = def.toDraft(values, ctx);
    if (!draft) return { empty: true as const };
    try {
      const before = evaluateOnDevice(facts.data, today);
      const after = evaluateOnDevice(withDraft(facts.data, draft), today);
      return { diff: diffProgress(before, after), after };
    } catch (e) {
      return { error: describeError(e) };
    }
  }, [facts.data, JSON.stringify(values)]);

  const set = (k: string) => (v: string) => {
    setValues((old) => ({ ...old, [k]: v }));
    setServerErrors((old) => ({ ...old, [k]: '' }));
  };

  const save = async () => {
    if (Object.keys(errors).length > 0) {
      void Taro.showToast({ title: Object.values(errors)[0] ?? '请检查填写内容', icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      const r = await studioApi.create(Number(studioId), type, def.toBody(values, ctx), `新增${def.describe(values)}`);
      void Taro.showToast({ title: r.queued ? '已存到手机，联网后自动发送' : '已保存', icon: r.queued ? 'none' : 'success' });
      setTimeout(() => void Taro.navigateBack(), 700);
    } catch (e) {
      if (e instanceof ApiError) setServerErrors(e.fields);
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='page' data-testid='record-edit' style={{ paddingTop: '12px' }}>
      <View className='list-card'>
        {def.fields
          .filter((f) => !f.when || f.when(values))
          .map((f) => {
            const common = { key: f.name, label: f.label, required: f.required, value: values[f.name] ?? '', onChange: set(f.name), error: serverErrors[f.name] || undefined, testId: `field-${f.name}` };
            if (f.kind === 'date') return <DateField {...common} />;
            if (f.kind === 'select') return <SelectField {...common} options={fieldOptions(f)} />;
            return <TextField {...common} type={f.kind === 'number' ? 'digit' : 'text'} />;
          })}
      </View>

      <View className='card' data-testid='preview'>
        <Text style={{ fontSize: '16px', fontWeight: 600, display: 'block', marginBottom: '8px' }}>保存后对目标的影响</Text>
        {facts.loading && <Text className='muted'>正在载入工作室数据…</Text>}
        {facts.error !== undefined && <Text className='muted'>无法预览：{describeError(facts.error)}</Text>}
        {!facts.loading && facts.data && Object.keys(errors).length > 0 && <Text className='muted'>填写完整后显示预览（{Object.values(errors)[0]}）</Text>}
        {preview && 'error' in preview && <Text className='muted'>{preview.error}</Text>}
        {preview && 'empty' in preview && <Text className='muted'>这条记录不影响考核目标</Text>}
        {preview && 'diff' in preview && preview.diff && (
          <View>
            {isEmptyDiff(preview.diff) && <Text className='muted' data-testid='preview-none'>这条记录不会改变任何目标（可能不在统计期内或不符合计入条件）</Text>}
            {preview.diff.changes.map((c) => (
              <View key={c.id} className='row row--between' style={{ padding: '8px 0' }} data-testid={`preview-${c.id}`}>
                <Text style={{ fontSize: '14px' }}>{label('target', c.id)}</Text>
                <Text style={{ fontSize: '14px', fontWeight: 600, color: c.delta >= 0 ? '#12a150' : '#e5362c' }}>
                  {c.before} → {c.after} / {c.required}
                  {c.nowMet ? ' ✓ 达标' : ''}
                </Text>
              </View>
            ))}
            {preview.diff.deadlinesDone.map((d) => (
              <Text key={d} style={{ display: 'block', fontSize: '14px', color: '#12a150', padding: '4px 0' }}>✓ 完成「{label('deadline', d)}」</Text>
            ))}
            {preview.diff.findingsCleared.map((m) => (
              <Text key={m} style={{ display: 'block', fontSize: '13px', color: '#12a150', padding: '4px 0' }}>消除提醒：{m}</Text>
            ))}
            {preview.diff.findingsAdded.map((m) => (
              <Text key={m} style={{ display: 'block', fontSize: '13px', color: '#e08600', padding: '4px 0' }}>新提醒：{m}</Text>
            ))}
          </View>
        )}
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' loading={saving} data-testid='save-record' onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}

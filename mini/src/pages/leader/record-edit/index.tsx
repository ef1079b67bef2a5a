import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { askSubscribeConsent } from '@/services/reminders-api';
import { View } from '@tarojs/components';
import { studioApi, type RecordType } from '@/services/studio-api';
import { confirmAndDelete } from '@/services/record-actions';
import { describeError, ApiError } from '@/services/errors';
import { todayISO } from '@/lib/format';
import {
  RECORDS,
  changedBody,
  describeRow,
  fieldOptions,
  fromRow,
  validate,
  visibleFields,
  type FormValues,
  type RecordCtx,
} from '@/lib/records';
import { DateField, SelectField, TextField } from '@/components/Field';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { StateView } from '@/components/StateView';
import { EvidencePanel } from '@/components/EvidencePanel';
import { kindOfPath } from '@master-studio/shared-rules';
import { PreviewCard } from './PreviewCard';
import { usePreview } from './usePreview';
import { ActivityRoster } from './ActivityRoster';

type SavedRow = Record<string, unknown> & { id: number };

/**
 * Add a record of any kind, or edit one (`?id=<rid>`: prefilled, saved with PATCH of
 * the changed fields); before saving, shows what it changes in the targets.
 */
export default function RecordEdit() {
  const params = useRouter().params as Record<string, string | undefined>;
  const { studioId = '', name, id: rid } = params;
  const editing = Boolean(rid);
  const type = (params.type ?? 'activities') as RecordType;
  const def = RECORDS[type];
  const today = todayISO();
  // Fields may be preset by the link (e.g. ?kind=industry_exchange from a reminder), also over a saved record.
  const preset = (v: FormValues) => {
    for (const f of def.fields)
      if (params[f.name]) v[f.name] = decodeURIComponent(params[f.name] ?? '');
    return v;
  };
  const [values, setValues] = useState<FormValues>(() => preset(def.defaults(today)));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const facts = useAsync(() => studioApi.facts(Number(studioId), today), [studioId, today]);
  // The saved record; null when the server says it is not there (404: deleted, or never this studio's).
  const saved = useAsync<SavedRow | null>(
    async () => {
      try {
        return (await studioApi.record(Number(studioId), type, rid ?? '')) as SavedRow;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    [studioId, type, rid],
    { skip: !editing, refreshOnShow: false },
  );
  const original = useMemo(() => (saved.data ? fromRow(def, saved.data) : null), [saved.data]);
  useEffect(() => {
    if (original) setValues(preset({ ...original }));
  }, [original]);
  const titleName = name
    ? decodeURIComponent(name)
    : editing && saved.data
      ? describeRow(def, saved.data)
      : '';
  Taro.setNavigationBarTitle({
    title: `${editing ? '编辑' : '新增'}${def.noun}${titleName ? ` · ${titleName}` : ''}`,
  });

  const errors = validate(def, values);
  const ctx: RecordCtx = {
    apprenticeId:
      params.apprenticeId ??
      (saved.data?.apprenticeId !== undefined ? String(saved.data.apprenticeId) : undefined),
    checkedIn: Number(saved.data?.checkedIn ?? 0) || 0,
    today,
  };
  // Client checks shown under a field once it holds a value (e.g. 离开日期 before 拜师日期).
  // A field's error shows once it has a value, or for every field once 保存 was tapped (an empty
  // required field is marked where it is, not only in a toast).
  const [tried, setTried] = useState(false);
  const errorIfSet = (k: string) => (values[k] || tried ? errors[k] : undefined);
  const changes = editing && original ? changedBody(def, original, values, ctx) : {};

  const preview = usePreview({
    facts: facts.data,
    today,
    type,
    def,
    values,
    ctx,
    hasErrors: Object.keys(errors).length > 0,
    editing,
    saved: saved.data,
    originalName: original?.name,
  });

  const set = (k: string) => (v: string) => {
    setValues((old) => ({ ...old, [k]: v }));
    setServerErrors((old) => ({ ...old, [k]: '' }));
  };

  const save = async () => {
    if (Object.keys(errors).length > 0) {
      setTried(true);
      void Taro.showToast({ title: Object.values(errors)[0] ?? '请检查填写内容', icon: 'none' });
      return;
    }
    if (editing && Object.keys(changes).length === 0) {
      void Taro.showToast({ title: '没有修改', icon: 'none' });
      return;
    }
    if (type === 'activities') askSubscribeConsent(); // issue 14: WeChat reminders, asked from the tap
    setSaving(true);
    try {
      const r =
        editing && saved.data
          ? await studioApi.update(
              Number(studioId),
              type,
              saved.data.id,
              changes,
              `修改${def.describe(values)}`,
            )
          : await studioApi.create(
              Number(studioId),
              type,
              def.toBody(values, ctx),
              `新增${def.describe(values)}`,
            );
      void Taro.showToast({
        title: r.queued ? '已存到手机，联网后自动发送' : '已保存',
        icon: r.queued ? 'none' : 'success',
      });
      setTimeout(() => void Taro.navigateBack(), 700);
    } catch (e) {
      if (e instanceof ApiError) setServerErrors(e.fields);
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!saved.data) return;
    setDeleting(true);
    const gone = await confirmAndDelete(Number(studioId), type, saved.data);
    setDeleting(false);
    if (gone) setTimeout(() => void Taro.navigateBack(), 700);
  };

  if (editing && (saved.loading || saved.error !== undefined || !saved.data)) {
    return (
      <View className="page pt-12" data-testid="record-edit-loading">
        <StateView
          state={saved}
          isEmpty={(d) => d === null}
          emptyText={`找不到这条${def.noun}记录，可能已被删除`}
          rows={5}
        >
          {() => null}
        </StateView>
      </View>
    );
  }

  return (
    <View className="page pt-12" data-testid="record-edit">
      <View className="list-card">
        {visibleFields(def, values, editing).map((f) => {
          const common = {
            key: f.name,
            label: f.label,
            required: f.required,
            value: values[f.name] ?? '',
            onChange: set(f.name),
            error: serverErrors[f.name] || errorIfSet(f.name) || undefined,
            testId: `field-${f.name}`,
          };
          if (f.kind === 'date') return <DateField {...common} allowEmpty={!f.required} />;
          if (f.kind === 'select') return <SelectField {...common} options={fieldOptions(f)} />;
          return (
            <TextField
              {...common}
              type={f.kind === 'number' ? 'digit' : 'text'}
              maxLength={f.maxLength}
            />
          );
        })}
      </View>

      <PreviewCard
        factsLoading={facts.loading}
        factsError={facts.error}
        factsLoaded={Boolean(facts.data)}
        editing={editing}
        hasErrors={Object.keys(errors).length > 0}
        firstError={Object.values(errors)[0]}
        changed={Object.keys(changes).length > 0}
        preview={preview}
      />

      {editing && rid && kindOfPath(type) && (
        <EvidencePanel
          studioId={Number(studioId)}
          subject={{ subject: kindOfPath(type) ?? '', key: rid }}
          title="佐证材料（照片、扫描件、PDF）"
          canEdit
        />
      )}
      {editing && type === 'activities' && saved.data && (
        <ActivityRoster studioId={Number(studioId)} activityId={saved.data.id} />
      )}

      <View className={editing ? 'bottom-bar bottom-bar--tight' : 'bottom-bar'}>
        {editing && (
          <Button
            type="danger"
            fill="outline"
            size="large"
            loading={deleting}
            data-testid="delete-record"
            className="bottom-bar__side"
            onClick={() => void remove()}
          >
            删除
          </Button>
        )}
        <Button
          type="primary"
          size="large"
          block
          loading={saving}
          data-testid="save-record"
          onClick={() => void save()}
        >
          {editing ? '保存修改' : '保存'}
        </Button>
      </View>
    </View>
  );
}

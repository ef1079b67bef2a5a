import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecordKind } from '@master-studio/shared-rules';
import { studioApi } from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { formatDate, todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import { signoffState } from '@/lib/signoff';
import type {
  AchievementRow,
  ActivityRow,
  CertificateRow,
  RecordViews,
  SignoffStamp,
} from '@/services/api';
import { SectionTitle, StateView } from '@/components/StateView';
import { TargetCard } from '@/components/TargetCard';
import { StudioFactsCard } from '@/components/StudioFactsCard';
import { useAsync } from '@/components/useAsync';
import { usePagedList } from '@/components/usePagedList';
import { ListFooter } from '@/components/ListTools';
import { DeadlineList } from '@/components/DeadlineList';
import { cleanQuery } from '@/lib/paging';
import { Button, TabPane, Tabs } from '@/components/ui';

interface SignRow {
  id: number;
  title: string;
  meta: string;
  /** The record's view: its `signoff` and the date that says whether it can be signed yet. */
  row: Record<string, unknown> & { signoff?: SignoffStamp | null };
}

type SignType = 'activities' | 'achievements' | 'certificates';

/** A record kind the unit signs off, shown as one tab: its route, its kind and a row's words. */
interface SignTab<T extends SignType = SignType> {
  value: string;
  title: string;
  type: T;
  recordType: RecordKind;
  rowText(r: RecordViews[T]): { title: string; meta: string };
}

/** The tabs of 记录确认, in order. */
const SIGN_TABS: SignTab[] = [
  {
    value: 'a',
    title: '活动',
    type: 'activities',
    recordType: 'activity',
    rowText: (a: ActivityRow) => ({
      title: a.title,
      meta: `${label('activityKind', a.kind)} · ${formatDate(a.date)} · ${a.attendance ?? 0} 人次`,
    }),
  } satisfies SignTab<'activities'>,
  {
    value: 'b',
    title: '成果',
    type: 'achievements',
    recordType: 'achievement',
    rowText: (a: AchievementRow) => ({
      title: a.title,
      meta: `${label('achievementKind', a.kind)} · ${label('recordLevel', a.level)} · ${formatDate(a.date)}`,
    }),
  } satisfies SignTab<'achievements'>,
  {
    value: 'c',
    title: '证书',
    type: 'certificates',
    recordType: 'certificate',
    rowText: (c: CertificateRow) => ({
      title: `${c.apprenticeName ?? '学徒'} · ${label('skillLevel', c.level)}`,
      meta: formatDate(c.awardedOn),
    }),
  } satisfies SignTab<'certificates'>,
];

/** One kind's records for sign-off, a page at a time (issue 11 item 2). */
function PagedSignList({
  studioId,
  tab,
  active,
}: {
  studioId: number;
  tab: SignTab;
  active: boolean;
}) {
  const list = usePagedList(
    (page, pageSize) => studioApi.records(studioId, tab.type, cleanQuery({ page, pageSize })),
    [studioId, tab.type],
    undefined,
    active,
  );
  return (
    <StateView state={list}>
      {() => (
        <View>
          <SignList
            studioId={studioId}
            recordType={tab.recordType}
            items={list.items.map((r) => ({ id: r.id, ...tab.rowText(r), row: r }))}
          />
          <ListFooter list={list} />
        </View>
      )}
    </StateView>
  );
}

function SignList({
  studioId,
  recordType,
  items,
}: {
  studioId: number;
  recordType: RecordKind;
  items: SignRow[];
}) {
  const [done, setDone] = useState<Record<number, boolean>>({});
  const sign = async (r: SignRow) => {
    try {
      const res = await studioApi.signoff(studioId, recordType, r.id, `确认${r.title}`);
      setDone((d) => ({ ...d, [r.id]: true }));
      void Taro.showToast({
        title: res.queued ? '已存到手机，联网后提交' : '已确认',
        icon: res.queued ? 'none' : 'success',
      });
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    }
  };
  if (items.length === 0) return <View className="list-item muted">暂无记录</View>;
  const asOf = todayISO();
  return (
    <View className="list-card m-0">
      {items.map((r) => {
        const s = signoffState(recordType, r.row, asOf);
        const signed = s.state === 'signed' || done[r.id];
        return (
          <View key={r.id} className="list-item" data-testid="signoff-row">
            <View className="grow">
              <Text className="list-item__title">{r.title}</Text>
              <Text className="list-item__meta block">{r.meta}</Text>
              {s.state !== 'waiting' && (
                <Text className="list-item__meta block" data-testid="signoff-note">
                  {s.text}
                </Text>
              )}
            </View>
            {signed ? (
              <Text className="pill pill--met" data-testid="signed">
                已确认
              </Text>
            ) : s.state === 'early' ? (
              <Text className="pill pill--upcoming" data-testid="signoff-early">
                日期未到
              </Text>
            ) : (
              <Button
                size="small"
                type="primary"
                className="tap-target"
                data-testid="signoff"
                onClick={() => void sign(r)}
              >
                确认
              </Button>
            )}
          </View>
        );
      })}
    </View>
  );
}

/** A studio seen by its unit: targets, and records waiting for the unit's sign-off. */
export default function UnitStudio() {
  const studioId = Number(useRouter().params.studioId);
  const asOf = todayISO();
  const [tab, setTab] = useState<string | number>('a');
  const studio = useAsync(() => studioApi.get(studioId), [studioId]);
  const progress = useAsync(() => studioApi.progress(studioId, asOf), [studioId, asOf]);
  return (
    <View className="page pt-12" data-testid="unit-studio">
      <View className="card">
        <Text className="fs-18 fw-700">{studio.data?.name ?? '工作室'}</Text>
        <Text className="muted block mt-4">
          {studio.data?.trade}
          {studio.data?.recognizedOn ? ` · ${formatDate(studio.data.recognizedOn)} 认定` : ''}
        </Text>
        <StateView
          state={progress}
          isEmpty={(p) => p.targets.length === 0}
          emptyText="本政策没有可统计的目标"
        >
          {(p) => (
            <View>
              {p.targets.map((t) => (
                <TargetCard key={t.id} target={t} asOf={asOf} />
              ))}
            </View>
          )}
        </StateView>
      </View>
      {studio.data && (
        <StudioFactsCard studio={studio.data} canConfirm onConfirmed={studio.reload} />
      )}
      <View className="m-0-12">
        <Button
          size="small"
          type="primary"
          fill="outline"
          data-testid="open-exports"
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/exports/index/index?studioId=${studioId}` })
          }
        >
          材料导出
        </Button>
      </View>
      {progress.data && progress.data.deadlines.length > 0 && (
        <>
          <SectionTitle title="截止事项" />
          <View className="card">
            <DeadlineList
              deadlines={progress.data.deadlines}
              asOf={asOf}
              role="unit_contact"
              studioId={studioId}
              upcoming={5}
              withDone
              here="/pages/unit/studio/index"
            />
          </View>
        </>
      )}
      <SectionTitle title="记录确认" />
      <Tabs value={tab} onChange={setTab}>
        {SIGN_TABS.map((t) => (
          <TabPane key={t.value} title={t.title} value={t.value}>
            <PagedSignList studioId={studioId} tab={t} active={tab === t.value} />
          </TabPane>
        ))}
      </Tabs>
    </View>
  );
}

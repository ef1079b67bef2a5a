import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecordKind } from '@master-studio/shared-rules';
import { studioApi, type RecordType } from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { formatDate, todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import { signoffState } from '@/lib/signoff';
import type { AchievementRow, ActivityRow, CertificateRow, SignoffStamp } from '@/services/api';
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

/** One kind's records for sign-off, a page at a time (issue 11 item 2). */
function PagedSignList<R extends Record<string, unknown> & { id: number }>({
  studioId,
  type,
  recordType,
  active,
  toRow,
}: {
  studioId: number;
  type: RecordType;
  recordType: RecordKind;
  active: boolean;
  toRow: (r: R) => SignRow;
}) {
  const list = usePagedList<R>(
    async (page, pageSize) =>
      (await studioApi.records(studioId, type, cleanQuery({ page, pageSize }))) as unknown as {
        items: R[];
        total: number;
      },
    [studioId, type],
    undefined,
    active,
  );
  return (
    <StateView state={list}>
      {() => (
        <View>
          <SignList studioId={studioId} recordType={recordType} items={list.items.map(toRow)} />
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
        <TabPane title="活动" value="a">
          <PagedSignList<ActivityRow>
            studioId={studioId}
            type="activities"
            recordType="activity"
            active={tab === 'a'}
            toRow={(a) => ({
              id: a.id,
              title: a.title,
              meta: `${label('activityKind', a.kind)} · ${formatDate(a.date)} · ${a.attendance ?? 0} 人次`,
              row: a,
            })}
          />
        </TabPane>
        <TabPane title="成果" value="b">
          <PagedSignList<AchievementRow>
            studioId={studioId}
            type="achievements"
            recordType="achievement"
            active={tab === 'b'}
            toRow={(a) => ({
              id: a.id,
              title: a.title,
              meta: `${label('achievementKind', a.kind)} · ${label('recordLevel', a.level)} · ${formatDate(a.date)}`,
              row: a,
            })}
          />
        </TabPane>
        <TabPane title="证书" value="c">
          <PagedSignList<CertificateRow>
            studioId={studioId}
            type="certificates"
            recordType="certificate"
            active={tab === 'c'}
            toRow={(c) => ({
              id: c.id,
              title: `${c.apprenticeName ?? '学徒'} · ${label('skillLevel', c.level)}`,
              meta: formatDate(c.awardedOn),
              row: c,
            })}
          />
        </TabPane>
      </Tabs>
    </View>
  );
}

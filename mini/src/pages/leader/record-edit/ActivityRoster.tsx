import { Text, View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { useAsync } from '@/components/useAsync';
import { MissingRoster } from '@/components/MissingRoster';

/** On an activity's own screen: how many of the roster checked in, and who has not (with 补签). */
export function ActivityRoster({ studioId, activityId }: { studioId: number; activityId: number }) {
  const roster = useAsync(() => studioApi.roster(studioId, activityId), [studioId, activityId]);
  return (
    <View className="mt-12" data-testid="activity-roster">
      <View className="row row--between p-4-16-8">
        <Text className="fs-16 fw-600">签到情况</Text>
        {roster.data && (
          <Text className="fs-15 text-primary" data-testid="activity-roster-count">
            已签到 {roster.data.checkedIn} / 应到 {roster.data.total} 人
          </Text>
        )}
      </View>
      {roster.loading && !roster.data && <View className="list-item muted">加载签到名单…</View>}
      {roster.error !== undefined && (
        <View className="list-item muted">无法载入签到名单：{describeError(roster.error)}</View>
      )}
      {roster.data && roster.data.total === 0 && (
        <View className="list-item muted">活动当天没有在册的徒弟</View>
      )}
      {roster.data && roster.data.total > 0 && roster.data.checkedIn >= roster.data.total && (
        <View className="list-item muted" data-testid="activity-roster-all">
          应到的徒弟都已签到
        </View>
      )}
      <MissingRoster
        studioId={studioId}
        activityId={activityId}
        roster={roster.data?.items ?? null}
        onAdded={roster.reload}
      />
    </View>
  );
}

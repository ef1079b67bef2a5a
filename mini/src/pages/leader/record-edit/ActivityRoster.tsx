import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { studioApi, type RosterEntry } from '@/services/studio-api';
import { ListFooter } from '@/components/ListTools';
import { MissingRow } from '@/components/MissingRoster';
import { StateView } from '@/components/StateView';
import { usePagedList } from '@/components/usePagedList';

type Row = RosterEntry & { id: number };

/**
 * On an activity's own screen: how many of the roster checked in, and who has not (with 补签),
 * a page at a time (issue 11 items 2 and 9), with loading, empty and error states.
 */
export function ActivityRoster({ studioId, activityId }: { studioId: number; activityId: number }) {
  // The roster's counts come with every page of the missing.
  const [counts, setCounts] = useState<{ expected: number; checkedIn: number } | null>(null);
  const list = usePagedList<Row>(
    (page, pageSize) =>
      studioApi.missing(studioId, activityId, { page, pageSize }).then((p) => {
        setCounts({ expected: p.expected, checkedIn: p.checkedIn });
        // Rows are told apart by person (the list's key when pages join).
        return { total: p.total, items: p.items.map((i) => ({ ...i, id: i.personId })) };
      }),
    [studioId, activityId],
  );
  return (
    <View className="mt-12" data-testid="activity-roster">
      <View className="row row--between p-4-16-8">
        <Text className="fs-16 fw-600">签到情况</Text>
        {counts && (
          <Text className="fs-15 text-primary" data-testid="activity-roster-count">
            已签到 {counts.checkedIn} / 应到 {counts.expected} 人
          </Text>
        )}
      </View>
      <StateView
        state={list}
        rows={3}
        isEmpty={(d) => d.items.length === 0}
        emptyText={
          counts && counts.expected === 0 ? '活动当天没有在册的徒弟' : '应到的徒弟都已签到'
        }
      >
        {(d) => (
          <>
            <View className="row row--between p-4-16-8">
              <Text className="fs-16 fw-600">未签到</Text>
              <Text className="fs-16 fw-700 text-warning" data-testid="missing-count">
                未签到 {d.total} 人
              </Text>
            </View>
            <View className="list-card" data-testid="missing-list">
              {d.items.map((r) => (
                <MissingRow
                  key={r.personId}
                  studioId={studioId}
                  activityId={activityId}
                  entry={r}
                  onAdded={list.reload}
                />
              ))}
              <ListFooter list={list} />
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}

import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { todayISO } from '@/lib/format';
import { StateView } from '@/components/StateView';
import { StudioHeader } from '@/components/StudioHeader';
import { StudioRiskList } from '@/components/StudioRiskList';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { ExportButton } from '@/components/ExportButton';
import { InboxBar } from '@/components/InboxBar';

/** The bureau reviewer's list: every studio in the jurisdiction, most at risk first. */
export default function ReviewerHome() {
  const role = currentRole();
  const jid = Number(useRouter().params.jurisdictionId || role?.jurisdictionId || 0);
  const asOf = todayISO();
  const dash = useAsync(() => studioApi.jurisdictionDashboard(jid, asOf), [jid, asOf]);
  usePullDownRefresh(() => {
    dash.reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 600);
  });
  return (
    <View className="page" data-testid="reviewer-home">
      <StudioHeader
        title={role?.jurisdictionName ?? '本辖区'}
        sub="按风险从高到低排列，点开查看考核评分表"
      />
      <View className="lift">
        <InboxBar />
        <StateView
          state={dash}
          isEmpty={(d) => d.items.length === 0}
          emptyText="辖区内还没有工作室"
          rows={6}
        >
          {(d) => (
            <View>
              <Text
                style={{
                  display: 'block',
                  padding: '0 16px 8px',
                  color: 'rgba(255,255,255,0.85)',
                  fontSize: '13px',
                }}
              >
                共 {d.items.length} 个工作室
              </Text>
              <StudioRiskList
                items={d.items}
                asOf={d.asOf}
                onOpen={(id) =>
                  void Taro.navigateTo({ url: `/pages/reviewer/sheet/index?studioId=${id}` })
                }
              />
            </View>
          )}
        </StateView>
        <View className="m-12">
          <ExportButton
            block
            request={{ kind: 'jurisdiction', jurisdictionId: jid, asOf }}
            text="导出全辖区考核表（Excel）"
            testId="export-jurisdiction"
          />
        </View>
        <View className="m-12">
          <Button
            type="primary"
            size="large"
            block
            data-testid="reviewer-new-studio"
            onClick={() => void Taro.navigateTo({ url: '/pages/reviewer/new-studio/index' })}
          >
            新建工作室
          </Button>
        </View>
      </View>
    </View>
  );
}

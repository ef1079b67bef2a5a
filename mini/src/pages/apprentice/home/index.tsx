import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { meApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { attendanceLine, progressSections } from '@/lib/apprentice-home';
import { formatDate } from '@/lib/format';
import { label } from '@/lib/labels';
import { InboxBar } from '@/components/InboxBar';
import { OutboxBar } from '@/components/OutboxBar';
import { StateView } from '@/components/StateView';
import { StudioHeader } from '@/components/StudioHeader';
import { useAsync } from '@/components/useAsync';
import { usePagedList } from '@/components/usePagedList';
import { ListFooter } from '@/components/ListTools';
import type { MyAttendance, MyCertificate } from '@/services/api';
import { Button, TabPane, Tabs } from '@/components/ui';

export default function ApprenticeHome() {
  const role = currentRole();
  const [tab, setTab] = useState<string | number>('0');
  // A page at a time; 累计签到 is the server's total, not the rows loaded (issue 11 item 2).
  const attendance = usePagedList<MyAttendance>(
    (page, pageSize) => meApi.attendance({ page, pageSize }),
    [],
    undefined,
    tab === '0',
  );
  // Certificates too, a page at a time; 取得证书 is the server's total.
  const certs = usePagedList<MyCertificate>(
    (page, pageSize) => meApi.certificates({ page, pageSize }),
    [],
    undefined,
    tab === '1',
  );
  const progress = useAsync(meApi.progress, []);
  const count = attendance.data ? attendance.total : '—';

  return (
    <View className="page" data-testid="apprentice-home">
      <StudioHeader title="我的学艺" sub={role?.studioName} />
      <View className="lift">
        <OutboxBar />
        <InboxBar />
        <View className="card text-center">
          <View className="row row--around mb-16">
            <View>
              <Text className="fs-26 fw-700 text-primary block" data-testid="my-attendance-count">
                {count}
              </Text>
              <Text className="muted">累计签到</Text>
            </View>
            <View>
              <Text className="fs-26 fw-700 text-success block" data-testid="my-certificate-count">
                {certs.data ? certs.total : '—'}
              </Text>
              <Text className="muted">取得证书</Text>
            </View>
          </View>
          <Button
            type="primary"
            size="large"
            block
            data-testid="go-scan"
            onClick={() => void Taro.navigateTo({ url: '/pages/apprentice/checkin/index' })}
          >
            扫码签到
          </Button>
        </View>
      </View>
      <Tabs value={tab} onChange={setTab}>
        <TabPane title="签到记录" value="0">
          <StateView
            state={attendance}
            isEmpty={(d) => d.items.length === 0}
            emptyText="还没有签到记录"
          >
            {(d) => (
              <View className="list-card m-0">
                {d.items.map((a) => {
                  const line = attendanceLine(a);
                  return (
                    <View key={a.id} className="list-item" data-testid="my-attendance-row">
                      <View className="grow">
                        <Text className="list-item__title">{line.title}</Text>
                        <Text className="list-item__meta block">{line.meta}</Text>
                      </View>
                      <Text className="pill pill--met">已签到</Text>
                    </View>
                  );
                })}
                {tab === '0' && <ListFooter list={attendance} />}
              </View>
            )}
          </StateView>
        </TabPane>
        <TabPane title="我的证书" value="1">
          <StateView state={certs} isEmpty={(d) => d.items.length === 0} emptyText="还没有登记证书">
            {(d) => (
              <View className="list-card m-0" data-testid="my-certificates">
                {d.items.map((c) => (
                  <View key={c.id} className="list-item" data-testid="my-certificate-row">
                    <Text className="grow list-item__title">{label('skillLevel', c.level)}</Text>
                    <Text className="muted">{formatDate(c.awardedOn)}</Text>
                  </View>
                ))}
                {tab === '1' && <ListFooter list={certs} />}
              </View>
            )}
          </StateView>
        </TabPane>
        <TabPane title="学习进度" value="2">
          <StateView
            state={progress}
            isEmpty={(p) => p.items.length === 0}
            emptyText="还没有加入工作室"
          >
            {(p) => (
              <View data-testid="my-progress">
                {progressSections(p).map((sec) => (
                  <View key={sec.studioId} className="card m-0-0-12">
                    <Text className="fs-15 fw-600 block mb-4">{sec.title}</Text>
                    {sec.rows.map((r) => (
                      <View key={r.label} className="row row--between p-8-0">
                        <Text>{r.label}</Text>
                        <Text className="fw-600">{r.value}</Text>
                      </View>
                    ))}
                  </View>
                ))}
              </View>
            )}
          </StateView>
        </TabPane>
      </Tabs>
    </View>
  );
}

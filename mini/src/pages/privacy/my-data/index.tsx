import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { describeError } from '@/services/errors';
import { privacyApi, type DeletionResult, type PrivacyExport } from '@/services/privacy-api';
import { cachedMe, currentRole } from '@/services/session';
import { DeletedView } from './DeletedView';
import { LeaderQueue, RequestItem } from './Requests';
import { saveExport } from './save-export';
import '../privacy.css';

/** 我的数据: see and export one's data, ask for a correction, ask for deletion (PIPL 第44–47条). */
export default function MyData() {
  const me = cachedMe();
  const role = currentRole(me);
  const studios = [
    ...new Map(
      (me?.roles ?? [])
        .filter((r) => r.studioId && ['leader', 'member', 'apprentice'].includes(r.role))
        .map((r) => [r.studioId!, r.studioName ?? '工作室']),
    ),
  ];
  const requests = useAsync(() => privacyApi.myRequests(), []);
  const [exported, setExported] = useState<PrivacyExport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [studioId, setStudioId] = useState<number | undefined>(studios[0]?.[0]);
  const [deleted, setDeleted] = useState<DeletionResult | null>(null);

  const doExport = async () => {
    setBusy('export');
    try {
      const data = await privacyApi.exportMine();
      setExported(data);
      await saveExport(data);
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const doCorrect = async () => {
    if (!text.trim())
      return void Taro.showToast({ title: '请写明哪里不对、应改成什么', icon: 'none' });
    setBusy('correct');
    try {
      await privacyApi.askCorrection(text.trim(), studioId);
      setText('');
      void Taro.showToast({ title: '已提交给领办人', icon: 'success' });
      requests.reload();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const doDelete = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除我的个人信息',
      content:
        '将删除您的登录身份、角色和已定稿考核不需要的记录；已定稿考核需要的记录去除姓名后保留。删除后无法恢复，需重新邀请才能再次使用。',
      confirmText: '确认删除',
    });
    if (!confirm) return;
    setBusy('delete');
    try {
      setDeleted(await privacyApi.deleteMine());
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none', duration: 4000 });
    } finally {
      setBusy(null);
    }
  };

  if (deleted) return <DeletedView deleted={deleted} />;

  return (
    <View className="page" data-testid="privacy-my-data">
      <View className="hero">
        <Text className="hero__title">我的数据</Text>
        <Text className="hero__sub">查看、导出、更正或删除您的个人信息</Text>
      </View>
      <View className="lift">
        <View className="card">
          <Text className="policy__title">查看与导出</Text>
          <Text className="muted block mb-8">包括账号、角色、签到记录、技能证书等全部个人信息</Text>
          <Button
            className="privacy__btn"
            type="primary"
            size="large"
            block
            loading={busy === 'export'}
            onClick={() => void doExport()}
            data-testid="privacy-export"
          >
            导出我的数据（JSON）
          </Button>
          {exported && (
            <Text className="policy__line mt-10" data-testid="privacy-export-summary">
              {exported.person?.name ? `${String(exported.person.name)}：` : ''}
              角色 {exported.roles.length} 个，签到 {exported.attendance.length} 条，证书{' '}
              {exported.certificates.length} 本
            </Text>
          )}
        </View>

        <View className="card">
          <Text className="policy__title">申请更正</Text>
          {studios.length === 0 ? (
            <Text className="muted block">您不属于任何工作室，请联系邀请您的人社部门更正。</Text>
          ) : (
            <View>
              {studios.length > 1 && (
                <View className="mb-8">
                  {studios.map(([id, name]) => (
                    <Text
                      key={id}
                      className={`pill privacy__studio ${id === studioId ? 'pill--on_track' : ''}`}
                      onClick={() => setStudioId(id)}
                    >
                      {name}
                    </Text>
                  ))}
                </View>
              )}
              <Textarea
                className="privacy__textarea"
                maxlength={500}
                placeholder="写明哪里不对、应改成什么，例如：出生日期应为 1990-05-01"
                value={text}
                onInput={(e) => setText(e.detail.value)}
                data-testid="privacy-correction-text"
              />
              <View className="mt-10">
                <Button
                  className="privacy__btn"
                  size="large"
                  block
                  loading={busy === 'correct'}
                  onClick={() => void doCorrect()}
                  data-testid="privacy-correction-submit"
                >
                  提交给领办人
                </Button>
              </View>
            </View>
          )}
          <StateView
            state={requests}
            rows={2}
            isEmpty={(d) => d.items.length === 0}
            emptyText="还没有提出过请求"
          >
            {(d) => (
              <View className="list-card mt-10">
                {d.items.map((r) => (
                  <RequestItem key={r.id} r={r} />
                ))}
              </View>
            )}
          </StateView>
        </View>

        {role?.role === 'leader' && role.studioId && <LeaderQueue studioId={role.studioId} />}

        <View className="card">
          <Text className="policy__title">申请删除</Text>
          <Text className="muted block mb-8">
            删除后将退出并无法再登录；已定稿考核需要的记录去除姓名后保留，考核数字不变。
          </Text>
          <Button
            className="privacy__btn"
            size="large"
            block
            loading={busy === 'delete'}
            onClick={() => void doDelete()}
            data-testid="privacy-delete"
          >
            删除我的个人信息
          </Button>
        </View>
        <View className="policy__actions">
          <Button
            className="privacy__btn"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: '/pages/privacy/policy/index' })}
          >
            查看隐私保护指引
          </Button>
        </View>
      </View>
    </View>
  );
}

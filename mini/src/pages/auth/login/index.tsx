import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { api } from '@/services/http';
import { describeError } from '@/services/errors';
import { getToken } from '@/services/token';
import { privacyApi } from '@/services/privacy-api';
import {
  cachedMe,
  currentRole,
  goHome,
  loadMe,
  pickRole,
  signedIn,
  takeResume,
  type Me,
  type SignInAnswer,
} from '@/services/session';
import { label } from '@/lib/labels';
import { Button, Loading } from '@/components/ui';
import './index.css';

interface DemoAccount {
  username: string;
  name?: string;
  description?: string;
  roles?: Array<string | { role: string }>;
}

const isWeapp = process.env.TARO_ENV === 'weapp';

function routeAfterSignIn(me: Me) {
  // A check-in link opened while signed out: back to it, as the apprentice, code kept.
  const resume = takeResume(me);
  if (resume) {
    pickRole(resume.grant);
    void Taro.reLaunch({ url: resume.url });
    return;
  }
  if (me.roles.length === 0) {
    // A new account joins with an invitation code first.
    void Taro.reLaunch({ url: '/pages/auth/join/index' });
    return;
  }
  const remembered = currentRole(me);
  if (me.roles.length > 1 && !remembered) {
    void Taro.reLaunch({ url: '/pages/auth/roles/index' });
    return;
  }
  goHome(remembered ?? me.roles[0]!);
}

/**
 * The privacy notice first (issue 17): an account that has not consented to the current version
 * reads it and agrees before anything else. When the check itself fails (no network) the app goes
 * on: the notice comes at the next sign-in that reaches the server.
 */
async function routeWithConsent(me: Me) {
  const status = await privacyApi.status().catch(() => null);
  if (status?.needsConsent) {
    void Taro.reLaunch({ url: '/pages/privacy/policy/index?consent=1' });
    return;
  }
  routeAfterSignIn(me);
}

const NOTICE_SEEN = 'ms.privacyNoticeSeen';
const openPolicy = () => void Taro.navigateTo({ url: '/pages/privacy/policy/index' });

function roleNames(a: DemoAccount): string {
  return (a.roles ?? []).map((r) => label('role', typeof r === 'string' ? r : r.role)).join(' · ');
}

export default function Login() {
  const [checking, setChecking] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoAccount[] | null>(null);
  const [demoError, setDemoError] = useState<string | null>(null);
  const refused = useRouter().params.privacy === 'refused';
  // H5: a first-run notice with the link to the policy, until dismissed.
  const [showNotice, setShowNotice] = useState(!isWeapp && !Taro.getStorageSync(NOTICE_SEEN));

  useEffect(() => {
    // Already signed in: go straight to the home of the last role.
    if (getToken()) {
      loadMe()
        .then(routeWithConsent)
        .catch(() => setChecking(false));
    } else {
      setChecking(false);
    }
    if (!isWeapp) {
      api
        .get<DemoAccount[] | { items: DemoAccount[] }>('/auth/demo-accounts')
        .then((r) => setDemo(Array.isArray(r) ? r : r.items))
        .catch((e: unknown) => setDemoError(describeError(e)));
    }
  }, []);

  const finish = async (answer: SignInAnswer) => {
    signedIn(answer);
    const me = await loadMe().catch(() => cachedMe());
    if (me) await routeWithConsent(me);
  };

  const wechatLogin = async () => {
    setBusy('wechat');
    try {
      const { code } = await Taro.login();
      await finish(await api.post<SignInAnswer>('/auth/wechat', { code }));
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const demoLogin = async (username: string) => {
    setBusy(username);
    try {
      await finish(await api.post<SignInAnswer>('/auth/demo', { username }));
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="login">
      <View className="login__hero">
        <View className="login__logo">匠</View>
        <Text className="login__title">技能大师工作室助手</Text>
        <Text className="login__sub">带徒传艺 · 活动签到 · 目标进度 · 考核评估</Text>
      </View>
      {refused && (
        <View className="login__privacy" data-testid="privacy-refused">
          您未同意隐私保护指引，已退出登录。同意后才能使用本应用。
        </View>
      )}
      {showNotice && (
        <View className="login__privacy" data-testid="privacy-notice">
          <Text>
            欢迎使用。我们只收集工作室管理和考核需要的信息，您可以随时查看、导出、更正和删除。请阅读
          </Text>
          <Text className="login__link" onClick={openPolicy} data-testid="privacy-notice-link">
            《隐私保护指引》
          </Text>
          <Text
            className="login__link"
            data-testid="privacy-notice-ok"
            onClick={() => {
              Taro.setStorageSync(NOTICE_SEEN, '1');
              setShowNotice(false);
            }}
          >
            知道了
          </Text>
        </View>
      )}
      {checking ? (
        <View className="login__panel login__center">
          <Loading type="circular">正在登录…</Loading>
        </View>
      ) : (
        <View className="login__panel">
          {isWeapp ? (
            <Button
              type="primary"
              size="large"
              block
              loading={busy === 'wechat'}
              onClick={wechatLogin}
            >
              微信一键登录
            </Button>
          ) : (
            <View>
              <Text className="login__panel-title">选择演示账号登录</Text>
              {demo === null && !demoError && <Loading type="circular">加载演示账号…</Loading>}
              {demoError && (
                <View className="login__notice" data-testid="demo-unavailable">
                  演示登录未开启（{demoError}）。请在微信中打开小程序，或联系管理员开启 DEMO_LOGIN。
                </View>
              )}
              {demo?.length === 0 && <View className="login__notice">暂无演示账号</View>}
              {demo?.map((a) => (
                <View
                  key={a.username}
                  className="login__account"
                  data-testid={`demo-${a.username}`}
                  onClick={() => void demoLogin(a.username)}
                >
                  <View className="login__avatar">{(a.name ?? a.username).slice(0, 1)}</View>
                  <View className="grow">
                    <Text className="login__name">{a.name ?? a.username}</Text>
                    <Text className="login__roles">{a.description ?? roleNames(a)}</Text>
                  </View>
                  {busy === a.username ? (
                    <Loading type="circular" />
                  ) : (
                    <Text className="login__go">登录 ›</Text>
                  )}
                </View>
              ))}
            </View>
          )}
          <Text className="login__foot">
            登录前请阅读
            <Text className="login__link" onClick={openPolicy} data-testid="privacy-link">
              《隐私保护指引》
            </Text>
            ，登录后需确认同意
          </Text>
        </View>
      )}
    </View>
  );
}

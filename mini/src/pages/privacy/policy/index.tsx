import { useState } from 'react';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { describeError } from '@/services/errors';
import { privacyApi } from '@/services/privacy-api';
import { signOut } from '@/services/session';
import { AGREE_BUTTON_ID, answerPrivacy, privacyPending } from '@/lib/privacy-authorization';
import { POLICY, POLICY_SUMMARY, POLICY_VERSION } from '@/lib/privacy-policy';
import '../privacy.css';

/**
 * The privacy policy. Three ways in: to read (from sign-in and 我的); `?consent=1` after a sign-in
 * whose account has not consented to this version (agree records it, disagree signs out); and
 * `?authorize=1` from WeChat's privacy authorization (app.ts), whose agree button must be an
 * open-type="agreePrivacyAuthorization" button.
 */
export default function Policy() {
  const { params } = useRouter();
  const consentMode = params.consent === '1';
  const authorizeMode = params.authorize === '1' && privacyPending();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Left with the system back button while WeChat waits: that is a refusal, not a hang.
  useUnload(() => {
    if (params.authorize === '1' && privacyPending()) answerPrivacy(false);
  });

  const agreeToNotice = async () => {
    setBusy(true);
    setError(null);
    try {
      await privacyApi.consent();
      // The sign-in page routes on to the home of the account's role.
      void Taro.reLaunch({ url: '/pages/auth/login/index' });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const refuseNotice = () => {
    signOut();
    void Taro.reLaunch({ url: '/pages/auth/login/index?privacy=refused' });
  };

  const leave = () =>
    void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/auth/login/index' }));

  return (
    <View className="page" data-testid="privacy-policy">
      <View className="hero">
        <Text className="hero__title">隐私保护指引</Text>
        <Text className="hero__sub">版本 {POLICY_VERSION}</Text>
      </View>
      <View className="lift">
        <View className="card">
          <Text className="policy__line" data-testid="privacy-summary">
            {POLICY_SUMMARY}
          </Text>
        </View>
        {consentMode && (
          <View className="policy__actions">
            {error && <View className="field-error mb-8">{error}</View>}
            <Button
              className="privacy__btn"
              type="primary"
              size="large"
              block
              loading={busy}
              onClick={() => void agreeToNotice()}
              data-testid="privacy-agree"
            >
              同意并继续
            </Button>
            <View className="mt-10">
              <Button
                className="privacy__btn"
                size="large"
                block
                onClick={refuseNotice}
                data-testid="privacy-refuse"
              >
                不同意（退出登录）
              </Button>
            </View>
          </View>
        )}
        <View className="card">
          {POLICY.map((s) => (
            <View key={s.title} className="policy__section">
              <Text className="policy__title">{s.title}</Text>
              {s.lines.map((l) => (
                <Text key={l} className="policy__line">
                  {l}
                </Text>
              ))}
            </View>
          ))}
        </View>
        {authorizeMode && (
          <View className="policy__actions">
            <NativeButton
              id={AGREE_BUTTON_ID}
              className="policy__agree"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => {
                answerPrivacy(true);
                leave();
              }}
            >
              同意并继续
            </NativeButton>
            <View className="mt-10">
              <Button
                className="privacy__btn"
                size="large"
                block
                onClick={() => {
                  answerPrivacy(false);
                  leave();
                }}
              >
                不同意（该功能暂不可用）
              </Button>
            </View>
          </View>
        )}
        {!consentMode && !authorizeMode && (
          <View className="policy__actions">
            <Button
              className="privacy__btn"
              size="large"
              block
              onClick={leave}
              data-testid="privacy-back"
            >
              返回
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}

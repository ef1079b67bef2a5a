import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { onboardingApi } from '@/services/onboarding-api';
import { describeError } from '@/services/errors';
import { cachedMe, goHome, roleKey, signedIn, signOut } from '@/services/session';
import { parseInviteInput } from '@/lib/invitation-code';
import { label } from '@/lib/labels';
import { Button } from '@/components/ui';
import './index.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * 加入工作室: an account enters (or scans) the invitation code it was given and lands on the
 * home of the role it grants. First stop for a new account without roles; also reached from
 * 我的角色 to add another role.
 */
export default function Join() {
  const params = useRouter().params;
  const [input, setInput] = useState(params.invite ? decodeURIComponent(params.invite) : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = cachedMe();
  const hasRoles = (me?.roles.length ?? 0) > 0;

  const submit = async (raw = input) => {
    const code = parseInviteInput(raw);
    if (!code) {
      setError('邀请码为 8 位字母或数字，请核对后重新输入');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const before = new Set((me?.roles ?? []).map(roleKey));
      const answer = await onboardingApi.redeem(code);
      signedIn(answer);
      const added = answer.roles.find((r) => !before.has(roleKey(r))) ?? answer.roles[0];
      if (added) {
        void Taro.showToast({ title: `已加入：${label('role', added.role)}`, icon: 'success' });
        goHome(added);
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setInput(r.result);
      await submit(r.result);
    } catch {
      /* cancelled */
    }
  };

  return (
    <View className="page" data-testid="join">
      <View className="hero">
        <Text className="hero__title">加入工作室</Text>
        <Text className="hero__sub">
          {hasRoles
            ? '输入新的邀请码，为账号添加另一个身份'
            : '你的账号还没有加入任何工作室。请输入领办人或人社局发给你的邀请码'}
        </Text>
      </View>
      <View className="lift">
        <View className="card">
          <Text className="muted block mb-8">邀请码（8 位，不区分大小写）</Text>
          <Input
            value={input}
            maxlength={20}
            placeholder="例如 K7MX 3Q9P"
            onInput={(e) => setInput(e.detail.value)}
            onConfirm={() => void submit()}
            data-testid="join-code"
            className="join-code"
          />
          {error && (
            <View className="field-error p-6-0-0" data-testid="join-error">
              {error}
            </View>
          )}
          <View className="mt-16">
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              onClick={() => void submit()}
              data-testid="join-submit"
            >
              加入
            </Button>
          </View>
          {isWeapp && (
            <View className="mt-10">
              <Button size="large" block onClick={() => void scan()}>
                扫描邀请二维码
              </Button>
            </View>
          )}
        </View>
        <View className="m-0-12">
          {hasRoles ? (
            <Button
              block
              size="large"
              onClick={() =>
                void Taro.navigateBack().catch(() =>
                  Taro.reLaunch({ url: '/pages/auth/roles/index' }),
                )
              }
            >
              返回
            </Button>
          ) : (
            <Button
              block
              size="large"
              onClick={() => {
                signOut();
                void Taro.reLaunch({ url: '/pages/auth/login/index' });
              }}
            >
              换个账号登录
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { meApi } from '@/services/studio-api';
import { isPrivacyRefusal, PRIVACY_REFUSED_TEXT } from '@/lib/privacy-authorization';
import { ApiError, describeError } from '@/services/errors';
import { cachedMe, currentRole, goHome, resumeAfterSignIn } from '@/services/session';
import { getToken } from '@/services/token';
import {
  type CheckinEntry,
  checkinEntryFromParams,
  parseCheckinEntry,
  shortCodeDigits,
} from '@/lib/checkin-code';
import { formatTime } from '@/lib/format';
import { Button } from '@/components/ui';
import './index.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Number keyboard on phones, yet a pasted long code still fits (type stays text). */
const NUMERIC_INPUT = {
  inputMode: 'numeric',
  pattern: '[0-9]*',
  autocomplete: 'one-time-code',
  enterKeyHint: 'done',
};

const entryText = (e: CheckinEntry) => ('shortCode' in e ? e.shortCode : e.code);

/**
 * Scan the leader's QR code (WeChat), or type the 6 digits shown under it (browser):
 * six digits submit by themselves; a pasted long code or link goes with the button.
 * Opened from the QR link (WeChat's QR rule passes it as `q`, a browser arrives with `?code=`),
 * the code is submitted at once, after sign-in when the phone is not signed in yet.
 */
export default function ApprenticeCheckin() {
  const params = useRouter().params;
  const [launch] = useState(() => checkinEntryFromParams(params));
  const [text, setText] = useState(launch ? entryText(launch) : (params.code ?? ''));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const busyRef = useRef(false);

  const send = async (entry: CheckinEntry) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setResult(null);
    try {
      const r = await meApi.checkin(entry);
      if (r.queued) setResult({ ok: true, text: '网络不可用：签到已存到手机，联网后自动提交' });
      else
        setResult({
          ok: true,
          text: r.data.created
            ? `签到成功 · ${formatTime(r.data.attendance.checkedInAt)}`
            : '你已签到过本次活动',
        });
    } catch (e) {
      // A lapsed sign-in: the app goes to the sign-in page; come back with this code.
      if (e instanceof ApiError && e.status === 401)
        resumeAfterSignIn(
          `/pages/apprentice/checkin/index?code=${encodeURIComponent(entryText(entry))}`,
          'apprentice',
        );
      setResult({ ok: false, text: describeError(e) });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!launch) return;
    if (!getToken()) {
      // Sign in first; the sign-in page brings the apprentice back here with the code.
      resumeAfterSignIn(
        `/pages/apprentice/checkin/index?code=${encodeURIComponent(entryText(launch))}`,
        'apprentice',
      );
      void Taro.reLaunch({ url: '/pages/auth/login/index' });
      return;
    }
    void send(launch); // once, for the code the page was opened with
  }, []);

  const submit = async (raw: string) => {
    const entry = parseCheckinEntry(raw);
    if (!entry) {
      const digits = shortCodeDigits(raw);
      setResult({
        ok: false,
        text: /^\d+$/.test(digits)
          ? `签到码是6位数字，你输入了 ${digits.length} 位`
          : '没有识别到签到码，请输入领办人屏幕上的6位数字，或对准二维码扫码',
      });
      return;
    }
    await send(entry);
  };

  const onInput = (value: string) => {
    setText(value);
    if (result && !result.ok) setResult(null);
    // Six digits typed: submit without a tap (the typical H5 case).
    const digits = shortCodeDigits(value);
    if (/^\d{6}$/.test(digits) && !busyRef.current) void send({ shortCode: digits });
  };

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submit(r.result);
    } catch (e) {
      // Privacy authorization refused (app.ts): scanning is off, typing the code still works.
      setResult({ ok: false, text: isPrivacyRefusal(e) ? PRIVACY_REFUSED_TEXT : '已取消扫码' });
    }
  };

  const digitsOnly = /^[\d\s]*$/.test(text);

  const toHome = () => {
    const role = cachedMe()?.roles.find((r) => r.role === 'apprentice') ?? currentRole();
    if (role) goHome(role);
    else void Taro.reLaunch({ url: '/pages/auth/login/index' });
  };

  return (
    <View className="page pt-12" data-testid="apprentice-checkin">
      {isWeapp && (
        <View className="card text-center">
          <Button type="primary" size="large" block loading={busy} onClick={() => void scan()}>
            扫描签到二维码
          </Button>
          <Text className="muted block mt-12">无法扫码时，可在下方输入签到码</Text>
        </View>
      )}
      <View className="card text-center">
        <Text className="fs-18 fw-600">输入签到码</Text>
        <Text className="muted block m-6-0-16">
          看领办人屏幕上二维码下方的6位数字，输完自动签到；数字定时更换，请输入最新的
        </Text>
        <Input
          value={text}
          onInput={(e) => onInput(e.detail.value)}
          placeholder="6位数字"
          placeholderStyle="font-size:20px;letter-spacing:2px;color:#c9cdd4;font-weight:400"
          data-testid="checkin-input"
          className={
            digitsOnly ? 'checkin-code-input checkin-code-input--digits' : 'checkin-code-input'
          }
          maxlength={120}
          focus={!isWeapp && !launch}
          disabled={busy}
          {...(isWeapp ? {} : { nativeProps: NUMERIC_INPUT })}
        />
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          data-testid="checkin-submit"
          className="checkin-submit"
          onClick={() => void submit(text)}
        >
          签到
        </Button>
        <Text className="muted block mt-10 fs-12">也可粘贴完整签到码或签到链接</Text>
      </View>
      {result && (
        <View
          className={`card checkin-result ${result.ok ? 'checkin-result--ok' : 'checkin-result--failed'}`}
          data-testid="checkin-result"
        >
          {result.ok ? '✓ ' : ''}
          {result.text}
        </View>
      )}
      {launch && result && (
        // Opened straight from the QR link, there is no page to go back to.
        <View className="p-0-16">
          <Button size="large" block data-testid="checkin-home" onClick={toHome}>
            进入我的学艺
          </Button>
        </View>
      )}
    </View>
  );
}

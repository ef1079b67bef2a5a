/**
 * WeChat's privacy authorization (用户隐私保护指引, base library ≥ 2.32.3 with
 * `__usePrivacyCheck__`): before scanCode, chooseMedia, chooseMessageFile, getLocation… the first
 * time, WeChat calls the app's `onNeedPrivacyAuthorization` listener with a `resolve`. The app
 * shows its own sheet and answers `resolve({ event: 'agree', buttonId })` (the id of a button
 * with open-type="agreePrivacyAuthorization") or `resolve({ event: 'disagree' })`; the pending
 * API call then runs or fails (errno 104), and the app keeps working without that feature.
 *
 * Installed once at launch (app.ts), so it covers every page's pickers. Kept free of Taro so it
 * can be tested around a stub `wx` (privacy-authorization.spec.ts).
 */
export const AGREE_BUTTON_ID = 'privacy-agree-btn';

export type PrivacyResolution =
  { event: 'exposureAuthorization' } | { event: 'agree'; buttonId: string } | { event: 'disagree' };

export interface PrivacyWx {
  onNeedPrivacyAuthorization?: (
    listener: (resolve: (r: PrivacyResolution) => void, info?: { referrer?: string }) => void,
  ) => void;
}

export interface PrivacyUi {
  /** First step: a short explanation; true when the person wants to read the guide and decide. */
  ask: () => Promise<boolean>;
  /** Opens the guide with the agree / disagree buttons (pages/privacy/policy?authorize=1). */
  openGuide: () => void;
}

let pending: ((r: PrivacyResolution) => void) | null = null;

/** Registers the listener when the platform has one (weapp); false on H5 and old base libraries. */
export function installPrivacyAuthorization(wx: PrivacyWx | undefined, ui: PrivacyUi): boolean {
  if (!wx || typeof wx.onNeedPrivacyAuthorization !== 'function') return false;
  wx.onNeedPrivacyAuthorization((resolve) => {
    // A second request while one is open answers the first as refused: WeChat waits on each.
    pending?.({ event: 'disagree' });
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    ui.ask().then(
      (wants) => {
        if (wants) ui.openGuide();
        else answerPrivacy(false);
      },
      () => answerPrivacy(false),
    );
  });
  return true;
}

/** Whether WeChat is waiting for an answer (the guide page shows its buttons then). */
export const privacyPending = (): boolean => pending !== null;

/** The guide page's buttons: agree (from the open-type button) or disagree. */
export function answerPrivacy(agree: boolean, buttonId = AGREE_BUTTON_ID): void {
  const resolve = pending;
  pending = null;
  resolve?.(agree ? { event: 'agree', buttonId } : { event: 'disagree' });
}

/** An API failure caused by a refused or missing privacy authorization (errno 104 and friends). */
export function isPrivacyRefusal(err: unknown): boolean {
  const e = err as { errno?: number; errMsg?: string } | null;
  return (
    e?.errno === 104 ||
    e?.errno === 112 ||
    /privacy|隐私/i.test(String(e?.errMsg ?? (err instanceof Error ? err.message : '')))
  );
}

export const PRIVACY_REFUSED_TEXT = '未同意隐私保护指引，此功能暂不可用；其他功能不受影响';

import Taro from '@tarojs/taro';

interface WakeLockSentinel {
  release: () => Promise<void>;
}
type WakeLockApi = { request: (type: 'screen') => Promise<WakeLockSentinel> };

let wanted = false;
let sentinel: WakeLockSentinel | null = null;

function h5WakeLock(): WakeLockApi | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as unknown as { wakeLock?: WakeLockApi }).wakeLock;
}

/**
 * Keeps the phone's screen on (or lets it sleep again). In the mini program
 * this is Taro.setKeepScreenOn; Taro's H5 build does not support it, so there
 * the browser's Screen Wake Lock API is used where it exists, and nothing
 * happens where it does not. Never throws.
 */
export function keepScreenOn(on: boolean): void {
  wanted = on;
  if (process.env.TARO_ENV === 'h5') {
    if (on) {
      if (sentinel) return;
      h5WakeLock()
        ?.request('screen')
        .then(
          (s) => {
            if (wanted && !sentinel) sentinel = s;
            else void s.release().catch(() => undefined);
          },
          () => undefined,
        );
    } else {
      const s = sentinel;
      sentinel = null;
      void s?.release().catch(() => undefined);
    }
    return;
  }
  try {
    void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: on })).catch(() => undefined);
  } catch {
    /* not supported on this platform */
  }
}

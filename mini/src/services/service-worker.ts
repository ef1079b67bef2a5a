/**
 * On H5, registers the build's service worker (mini/scripts/service-worker.mjs), which precaches
 * every page's chunks so that screens not yet opened still open offline (issue 11 item 5).
 * The weapp has its packages on the phone: `process.env.TARO_ENV` is replaced at build time,
 * so this is dead code there.
 */
export function registerServiceWorker(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // After the first screen has loaded, so the precache never competes with it. Browsers allow a
  // worker over https or on this machine only; elsewhere register() rejects and nothing changes.
  const register = () =>
    void navigator.serviceWorker.register('/sw.js').catch((err: unknown) => {
      console.warn('service worker not registered', err);
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

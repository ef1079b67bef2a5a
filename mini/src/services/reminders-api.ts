import Taro from '@tarojs/taro';
import { api } from './http';
import type { Inbox, ReminderDigest, ReminderSettings, Unread } from './api';

/** The caller's reminders (issue 14); every answer is typed by the server's DTOs. */
export const remindersApi = {
  inbox: () => api.get<Inbox>('/reminders'),
  unread: () => api.get<Unread>('/reminders/unread'),
  read: (id: number) => api.post<Unread>(`/reminders/${id}/read`),
  readAll: () => api.post<Unread>('/reminders/read-all'),
  settings: () => api.get<ReminderSettings>('/reminders/settings'),
  saveSettings: (muted: string[]) => api.put<ReminderSettings>('/reminders/settings', { muted }),
  digest: (jurisdictionId: number) =>
    api.get<ReminderDigest>(`/reminders/digest/${jurisdictionId}`),
};

let templateIds: string[] = [];

/** Loads the configured template ids ahead of a tap (the consent dialog must open from the tap itself). */
export async function preloadTemplateIds(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    templateIds = (await remindersApi.settings()).templateIds;
  } catch {
    // Without them no consent is asked; the inbox still works.
  }
}

/**
 * Asks for WeChat subscribe-message consent for the server's configured templates and tells the
 * server each answer (one "accept" lets it push one message). Call it first thing in a tap
 * handler (WeChat opens the dialog only from a user gesture): after saving an activity, on the
 * inbox. Only in the WeChat mini program, only for configured ids, silent when dismissed:
 * reminders stay in the in-app inbox either way.
 */
export function askSubscribeConsent(): void {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return;
  const ids = [...templateIds];
  Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] }).then(
    async (answer) => {
      const byId = answer as unknown as Record<string, string>;
      for (const templateId of ids) {
        const a = byId[templateId];
        if (a === 'accept' || a === 'reject')
          await api.post('/reminders/subscriptions', { templateId, accepted: a === 'accept' });
      }
    },
    () => undefined, // dismissed, or a WeChat without subscribe messages
  );
}

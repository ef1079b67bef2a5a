/** The application form of each policy; a sixth policy adds its form file and one line here. */
import { type Document } from 'docx';
import { document, spacer, title } from '../../docx/blocks';
import { type ApplicationData, type ApplicationForm, checklist } from './application-data';
import { gongshuApplication } from './gongshu-2020';
import { shaoguanApplication } from './shaoguan-2022';
import { shunyiApplication } from './shunyi-2023';
import { urumqiApplication } from './urumqi-2023';
import { yuzhongApplication } from './yuzhong-2023';

export const APPLICATION_FORMS: Record<string, ApplicationForm> = {
  'gongshu-2020': gongshuApplication,
  'urumqi-2023': urumqiApplication,
  'shunyi-2023': shunyiApplication,
  'shaoguan-2022': shaoguanApplication,
  'yuzhong-2023': yuzhongApplication,
};

export function applicationDocument(d: ApplicationData): { title: string; doc: Document } | null {
  const form = APPLICATION_FORMS[d.studio.jurisdiction.policyId];
  if (!form) return null;
  return {
    title: form.title,
    doc: document(form.title, [
      title(form.title),
      spacer(),
      ...form.body(d),
      spacer(),
      ...checklist(d),
    ]),
  };
}

export type { ApplicationData };

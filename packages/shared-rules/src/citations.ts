/**
 * How an article is cited on screen. Policies cite articles as `<policy id> <article>`
 * (`urumqi-2023 第四条`, style.md §11); people read the document's Chinese short name instead
 * (`乌鲁木齐市办法 第四条`). This is the one table of those short names.
 */

/** Each policy's short name, by policy id (every id in POLICY_IDS has one: citations.spec.ts). */
export const POLICY_SHORT_NAMES_ZH: Readonly<Record<string, string>> = {
  'gongshu-2020': '拱墅区通知', // 关于申报2020年拱墅区技能大师工作室的通知
  'shaoguan-2022': '韶关市方案', // 韶关市市级技能大师工作室认定实施方案
  'shunyi-2023': '顺义区办法', // 顺义区技能大师工作室管理办法（试行）（征求意见稿）
  'urumqi-2023': '乌鲁木齐市办法', // 乌鲁木齐市技能大师工作室建设管理办法
  'yuzhong-2023': '渝中区办法', // 重庆市渝中区区级技能大师工作室管理办法（试行）
};

/** `urumqi-2023 第四条` → `乌鲁木齐市办法 第四条`; every policy id in the text is replaced. */
export function citeZh(article: string): string {
  return article.replace(/\b[a-z]+-\d{4}\b/g, (id) => POLICY_SHORT_NAMES_ZH[id] ?? id);
}

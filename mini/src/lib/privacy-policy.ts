import {
  PRIVACY_NOTICE_VERSION,
  PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END,
} from '@master-studio/shared-rules';

/**
 * The privacy policy (隐私保护指引) shown by pages/privacy/policy, as data. Who sees what follows
 * the server's one access table (server/src/access/access-policy.ts ALLOWED); docs/operations.md
 * "Privacy" holds the same text for WeChat's console form. A change here that changes what is
 * collected or who sees it needs a new PRIVACY_NOTICE_VERSION (shared-rules privacy.ts).
 */
export interface PolicySection {
  title: string;
  lines: string[];
}

export const POLICY_VERSION = PRIVACY_NOTICE_VERSION;

export const POLICY_SUMMARY =
  '技能大师工作室助手按照《个人信息保护法》处理您的个人信息：只收集工作室管理办法和考核需要的信息，只给与工作室有关的人看，您可以随时查看、导出、更正和删除。';

export const POLICY: PolicySection[] = [
  {
    title: '一、我们收集哪些信息，用来做什么',
    lines: [
      '姓名：在工作室花名册、签到表、考核材料中标明是谁。',
      '出生日期、退休类别（仅领办人和团队成员需要）：按政策计算法定退休时间，判断“距退休年限”等条件。',
      '技能等级、技能证书（等级、取得日期、证书编号）：统计带徒成效和团队构成，是考核指标。',
      '参加活动的签到记录（活动、日期、签到时间）：统计培训、交流活动的参加人次。',
      '微信身份标识（openid）：用于微信一键登录，不获取手机号、头像和通讯录。',
      '扫码（摄像头）：仅在您点“扫描签到二维码”或“扫描邀请二维码”时使用，用于读取二维码，不保存图像。',
      '选择照片或文件：仅在您主动上传活动照片、证书或材料时使用，所选文件作为工作室档案保存。',
      '本应用不收集身份证号码、手机号码、位置信息。',
    ],
  },
  {
    title: '二、谁能看到',
    lines: [
      '学徒：只能看到自己的签到、证书和学习进度，以及所在工作室的名称和活动安排。',
      '领办人和团队成员：能看到并维护本工作室的完整档案（花名册、签到、证书、成果、经费等）。',
      '承办单位联系人：能查看本单位各工作室的档案并确认记录，不能修改。',
      '人社部门评审：能查看本辖区各工作室的档案，评分并定稿考核。',
      '其他工作室、其他单位和其他辖区的人看不到您的信息。我们不向任何第三方提供、出售您的信息。',
    ],
  },
  {
    title: '三、存放在哪里',
    lines: [
      '信息存放在工作室主管部门（人社部门）指定的境内服务器数据库中，通过加密连接（HTTPS）传输。',
      '每次新增、修改、删除和登录都记入防篡改的审计日志；服务器日志不记录姓名、电话和登录凭证。',
    ],
  },
  {
    title: '四、保存多久',
    lines: [
      '工作室运行期间，档案按管理办法保存，供年度和期满考核使用。',
      `工作室被撤销或期满后保存 ${PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END} 年（供期满评估和复核），之后自动匿名化：姓名、出生日期等被去除，只留下不指向个人的统计数字。`,
      '已定稿的考核表中的数字长期保留，但其中不再出现您的姓名。',
    ],
  },
  {
    title: '五、您的权利和行使方式',
    lines: [
      '查看和导出：在“我的 → 我的数据”中随时查看，并导出全部个人信息（JSON 文件）。',
      '更正：在“我的 → 我的数据”中提出更正，由所在工作室领办人核实后修改，处理结果在同一页面可见。',
      '删除：在“我的 → 我的数据”中申请删除。已定稿考核需要的记录会去除姓名后匿名保留（保证考核数字不变），其余立即删除，页面会列出保留了什么以及原因。',
      '撤回同意：申请删除即撤回同意；不同意本指引时无法登录使用，但不影响此前已进行的处理。',
      '以上操作都会记入审计日志。如有疑问，可联系所在工作室的领办人或所属人社部门。',
    ],
  },
];

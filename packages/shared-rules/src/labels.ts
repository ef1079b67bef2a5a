/**
 * Chinese labels for every code the package emits or accepts, so UIs never hardcode them.
 * Item labels come from the policy definitions (see `itemLabelsZh`).
 */
import type {
  AchievementKind,
  AchievementLevel,
  ActivityKind,
  DeadlineId,
  DocumentKind,
  ExclusionReason,
  FindingRule,
  FundSource,
  Grade,
  ItemBasis,
  PaceStatus,
  RetirementCategory,
  Severity,
  SkillLevel,
  TargetId,
} from './vocabulary.js';
import type { Studio } from './types.js';

export interface LabelsZh {
  skillLevels: Record<SkillLevel, string>;
  activityKinds: Record<ActivityKind, string>;
  achievementKinds: Record<AchievementKind, string>;
  achievementLevels: Record<AchievementLevel, string>;
  fundSources: Record<FundSource, string>;
  documentKinds: Record<DocumentKind, string>;
  retirementCategories: Record<RetirementCategory, string>;
  targets: Record<TargetId, string>;
  /** What each target counts, for "还差 2 人". */
  targetUnits: Record<TargetId, string>;
  deadlines: Record<DeadlineId, string>;
  findings: Record<FindingRule, string>;
  severities: Record<Severity, string>;
  paceStatuses: Record<PaceStatus, string>;
  itemBases: Record<ItemBasis, string>;
  grades: Record<Grade, string>;
  exclusionReasons: Record<ExclusionReason, string>;
  /** The studio's fields, for fact paths such as `studio.hasSign` in an item's basedOn. */
  studioFields: Record<keyof Studio, string>;
}

export const LABELS_ZH: LabelsZh = {
  skillLevels: {
    junior: '初级工（五级）',
    intermediate: '中级工（四级）',
    senior: '高级工（三级）',
    technician: '技师（二级）',
    senior_technician: '高级技师（一级）',
    principal_technician: '特级技师',
    chief_technician: '首席技师',
  },
  activityKinds: {
    training: '技能培训',
    internal_exchange: '内部技术交流',
    industry_exchange: '业内技术交流',
    tech_project: '技术攻关项目',
    renovation: '技术改造与革新',
    social_service: '技能服务社会',
    school_cooperation: '校企合作',
    competition: '技能竞赛',
  },
  achievementKinds: {
    patent: '专利',
    award: '奖项',
    media: '媒体报道',
    publication: '论文或教材',
    innovation: '创新成果',
  },
  achievementLevels: {
    unit: '单位级',
    district: '区（县）级',
    city: '市级',
    provincial: '省（自治区）级',
    national: '国家级',
  },
  fundSources: { grant: '财政补助', unit_matching: '单位配套', other: '其他经费' },
  documentKinds: {
    annual_plan: '年度工作计划',
    annual_summary: '年度工作总结',
    mentoring_plan: '年度带徒计划',
  },
  retirementCategories: {
    male: '男职工',
    female_cadre: '女职工（原55周岁退休）',
    female_worker: '女职工（原50周岁退休）',
  },
  targetUnits: {
    high_skill_talents: '人',
    apprentices_mentored: '人',
    person_times: '人次',
    industry_exchanges: '次',
    annual_results: '项',
    team_size: '人',
    qualified_core: '人',
  },
  targets: {
    high_skill_talents: '培养高技能人才',
    apprentices_mentored: '带徒传艺人数',
    person_times: '技艺提升人次',
    industry_exchanges: '业内技术交流活动',
    annual_results: '年度成果',
    team_size: '团队人数',
    qualified_core: '技师以上骨干人数',
  },
  deadlines: {
    annual_plan: '报送次年工作计划',
    annual_summary: '报送年度工作总结',
    cycle_assessment: '期满考核',
    application: '申报截止',
    renewal: '认定有效期届满',
  },
  findings: {
    team_size: '团队人数',
    leader_level: '领办人技能等级',
    leader_retirement: '距法定退休年龄',
    leader_retired: '领办人已达法定退休年龄',
    leader_age: '领办人年龄',
    studio_name: '工作室名称',
    inactivity: '长期未开展工作',
    inactivity_risk: '即将长期未开展工作',
    member_qualification: '成员条件',
    qualified_core: '技师以上骨干',
    matching_funds: '单位配套资金',
    annual_matching: '年度配套资金',
    fund_ledger: '经费专门台账',
    vetoed: '一票否决',
    policy_expired: '政策有效期',
    policy_draft: '征求意见稿',
    not_yet_recognized: '尚未认定',
  },
  severities: { required: '必须', advisory: '提醒（原则上/一般）' },
  paceStatuses: { met: '已达标', on_track: '进度正常', at_risk: '有风险', behind: '落后' },
  itemBases: { auto: '自动计算', judged: '评审打分', pending: '待评审', override: '评审改分' },
  grades: { excellent: '优秀', pass: '合格', fail: '不合格' },
  exclusionReasons: {
    outside_period: '不在统计期内',
    after_as_of: '日期晚于统计日（属计划，不计成果）',
    before_joined: '证书日期早于入室日期',
    below_senior: '低于高级工',
    already_counted: '本期已计入',
    apprentice_left: '学徒已离开',
    no_agreement: '未签订带徒协议',
    not_full_time: '非正式（全职）员工',
    below_technician: '低于技师',
    not_a_result: '不属于成果',
  },
  studioFields: {
    name: '工作室名称',
    trade: '职业（工种）',
    recognizedOn: '认定日期',
    areaSqm: '工作场地面积',
    hasSign: '工作室标牌',
    hasHonoursBoard: '成果荣誉展示栏',
    rulesPosted: '管理制度张贴上墙',
    dutiesDefined: '组织体系与岗位职责',
    hasEquipment: '设施设备',
    hasFundRules: '经费管理办法与账目',
    vetoed: '一票否决事项',
  },
};

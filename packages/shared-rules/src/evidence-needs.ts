/**
 * Which assessment items are scored on documentary evidence (a photo, a scan, a certificate), and
 * what the evidence is attached to: a studio facility, or the records an item counts (its
 * `basedOn` ids are then ids of that record kind). The server marks such an item 缺少佐证材料
 * (missing evidence) when it counts something that has no file attached; the app shows the mark
 * to the leader before the assessment and the files to the reviewer beside the item.
 * Plain data, every entry citing the article that asks for the evidence.
 */
import type { RecordKind } from './record-kinds.js';

/** The studio's facilities a photo can show (附件 制度建设 / 基础保障 of the policies). */
export const FACILITY_KINDS = [
  'sign',
  'honours_board',
  'rules_posted',
  'space',
  'equipment',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const FACILITY_LABELS_ZH: Record<FacilityKind, string> = {
  sign: '工作室标识牌',
  honours_board: '成果荣誉展示栏',
  rules_posted: '管理制度上墙',
  space: '工作场地',
  equipment: '设备设施',
};

export interface EvidenceNeed {
  /** The assessment item (AssessmentItem.id). */
  readonly item: string;
  /** A facility photo, or a file on each record the item counts. */
  readonly of: { readonly facility: FacilityKind } | { readonly records: RecordKind };
  /** What the reviewer looks for, as the policy says it. */
  readonly what: string;
  readonly article: string;
}

export const EVIDENCE_NEEDS: Readonly<Record<string, readonly EvidenceNeed[]>> = {
  'urumqi-2023': [
    // urumqi-2023 附件2 制度建设: 制定完善的各项日常管理规定并张贴上墙（未张贴管理规定不得分）
    {
      item: 'U3',
      of: { facility: 'rules_posted' },
      what: '管理规定上墙照片',
      article: 'urumqi-2023 附件2 制度建设',
    },
    // urumqi-2023 附件2 制度建设: 有明显的工作室标识牌（未张贴标识牌不得分）
    {
      item: 'U4',
      of: { facility: 'sign' },
      what: '工作室标识牌照片',
      article: 'urumqi-2023 附件2 制度建设',
    },
    // urumqi-2023 附件2 制度建设: 有工作室成果荣誉展示栏（无展示栏不得分）
    {
      item: 'U5',
      of: { facility: 'honours_board' },
      what: '成果荣誉展示栏照片',
      article: 'urumqi-2023 附件2 制度建设',
    },
    // urumqi-2023 附件2 加分项目: 市级及以上媒体报道（以新闻视频或报刊报道为依据）
    {
      item: 'UB2',
      of: { records: 'achievement' },
      what: '新闻视频或报刊报道',
      article: 'urumqi-2023 附件2 加分项目',
    },
    // urumqi-2023 附件2 加分项目: 国家专利或自治区级及以上奖项（以有关证书文件为依据）
    {
      item: 'UB3',
      of: { records: 'achievement' },
      what: '专利或获奖证书',
      article: 'urumqi-2023 附件2 加分项目',
    },
    // urumqi-2023 附件2 加分项目: 发表论文或公开出版教材书籍（以相关实物或书刊资料为依据）
    {
      item: 'UB4',
      of: { records: 'achievement' },
      what: '论文或书刊实物资料',
      article: 'urumqi-2023 附件2 加分项目',
    },
  ],
  'gongshu-2020': [
    // gongshu-2020 附件2 日常管理与基础保障: 工作室标牌不明显扣2分，无成果荣誉展示栏扣3分
    {
      item: 'G1',
      of: { facility: 'sign' },
      what: '工作室标牌照片',
      article: 'gongshu-2020 附件2 日常管理与基础保障',
    },
    {
      item: 'G1',
      of: { facility: 'honours_board' },
      what: '成果荣誉展示栏照片',
      article: 'gongshu-2020 附件2 日常管理与基础保障',
    },
    // gongshu-2020 附件2 加分项: 国家技术专利、市级及以上奖项（每例计分，凭证书）
    {
      item: 'GB2',
      of: { records: 'achievement' },
      what: '专利或获奖证书',
      article: 'gongshu-2020 附件2 加分项',
    },
    // gongshu-2020 附件2 加分项: 市级及以上电视台、报刊报道（以新闻视频或报刊报道为依据）
    {
      item: 'GB3',
      of: { records: 'achievement' },
      what: '新闻视频或报刊报道',
      article: 'gongshu-2020 附件2 加分项',
    },
  ],
};

/** The evidence needs of one policy's items (none for a policy that lists none). */
export const evidenceNeedsOf = (policyId: string): readonly EvidenceNeed[] =>
  EVIDENCE_NEEDS[policyId] ?? [];

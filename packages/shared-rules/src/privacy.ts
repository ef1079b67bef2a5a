/**
 * The privacy notice (个人信息保护指引) both the app and the server refer to. Not a number from
 * the five studio policies: the app's own data-protection terms under the Personal Information
 * Protection Law (个人信息保护法). A new version is shown again to everyone who consented to an
 * older one (第十四条: a change of purpose or processing needs new consent).
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

/**
 * How long a studio's personal data is kept after the studio is revoked or expires (个人信息保护法
 * 第十九条: no longer than the purpose needs; 第四十七条: deleted or anonymised once the period ends).
 * The archive serves the bureau's expiry review and any appeal of the final assessment.
 */
export const PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END = 3;

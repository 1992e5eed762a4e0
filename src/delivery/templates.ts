// The words of every email and SMS, in Thai and English: a plain-text part and an HTML part for email, one short
// text for SMS. Everything put into HTML is escaped; links are written out in full in the text part too.
import { escapeHtml } from '../html.js';

export type Locale = 'th' | 'en';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

type Words = Record<Locale, { subject: string; lines: string[]; action?: string }>;

const SIGNATURE: Record<Locale, string> = {
  th: 'หากคุณไม่ได้ทำรายการนี้ ไม่ต้องดำเนินการใด ๆ และโปรดเปลี่ยนรหัสผ่านหากสงสัยว่ามีผู้อื่นเข้าใช้บัญชีของคุณ',
  en: "If this wasn't you, you can ignore this message; change your password if you think someone else is using your account.",
};

/** An email of `lines`, with a button (and the same link written out) when there is an `action`. */
function email(locale: Locale, words: Words, link?: string): EmailContent {
  const { subject, lines, action } = words[locale];
  const text = [...lines, ...(link ? ['', link] : []), '', SIGNATURE[locale]].join('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const button = link && action ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#2563eb;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>\n<p style="font-size:12px;color:#555">${escapeHtml(link)}</p>` : '';
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Sarabun,Tahoma,Arial,sans-serif;line-height:1.6;color:#111">
${paragraphs}
${button}
<p style="font-size:12px;color:#555">${escapeHtml(SIGNATURE[locale])}</p>
</body></html>
`;
  return { subject, text, html };
}

export const templates = {
  verifyEmail: (locale: Locale, { username, link, hours }: { username: string; link: string; hours: number }) =>
    email(
      locale,
      {
        th: { subject: 'ยืนยันอีเมลของคุณ', lines: [`สวัสดีคุณ ${username}`, `กรุณายืนยันอีเมลนี้ภายใน ${hours} ชั่วโมง โดยเปิดลิงก์ด้านล่าง`], action: 'ยืนยันอีเมล' },
        en: { subject: 'Verify your email address', lines: [`Hello ${username},`, `Please confirm this email address within ${hours} hours by opening the link below.`], action: 'Verify email' },
      },
      link,
    ),
  passwordReset: (locale: Locale, { username, link, minutes }: { username: string; link: string; minutes: number }) =>
    email(
      locale,
      {
        th: { subject: 'ตั้งรหัสผ่านใหม่', lines: [`สวัสดีคุณ ${username}`, `มีคำขอตั้งรหัสผ่านใหม่สำหรับบัญชีของคุณ ลิงก์นี้ใช้ได้ครั้งเดียวภายใน ${minutes} นาที`], action: 'ตั้งรหัสผ่านใหม่' },
        en: { subject: 'Reset your password', lines: [`Hello ${username},`, `Someone asked to reset the password of your account. This link works once, within ${minutes} minutes.`], action: 'Reset password' },
      },
      link,
    ),
  passwordChanged: (locale: Locale, { username }: { username: string }) =>
    email(locale, {
      th: { subject: 'รหัสผ่านของคุณถูกเปลี่ยนแล้ว', lines: [`สวัสดีคุณ ${username}`, 'รหัสผ่านของบัญชีคุณเพิ่งถูกเปลี่ยน และทุกอุปกรณ์ถูกออกจากระบบแล้ว'] },
      en: { subject: 'Your password was changed', lines: [`Hello ${username},`, 'The password of your account was just changed, and every device was signed out.'] },
    }),
  signInCode: (locale: Locale, { username, code, minutes }: { username: string; code: string; minutes: number }) =>
    email(locale, {
      th: { subject: `รหัสเข้าสู่ระบบ ${code}`, lines: [`สวัสดีคุณ ${username}`, `รหัสเข้าสู่ระบบของคุณคือ ${code} ใช้ได้ครั้งเดียวภายใน ${minutes} นาที`] },
      en: { subject: `Your sign-in code is ${code}`, lines: [`Hello ${username},`, `Your sign-in code is ${code}. It works once, within ${minutes} minutes.`] },
    }),
  emailChangeNotice: (locale: Locale, { username, newEmail }: { username: string; newEmail: string }) =>
    email(locale, {
      th: { subject: 'มีคำขอเปลี่ยนอีเมลของบัญชีคุณ', lines: [`สวัสดีคุณ ${username}`, `มีคำขอเปลี่ยนอีเมลของบัญชีคุณเป็น ${newEmail} อีเมลเดิมนี้จะยังใช้งานอยู่จนกว่าจะยืนยันอีเมลใหม่`] },
      en: { subject: 'A change of your email address was requested', lines: [`Hello ${username},`, `Someone asked to change the email address of your account to ${newEmail}. This address stays in use until the new one is verified.`] },
    }),
};

/** SMS texts: short, the code first so a phone's preview shows it. */
export const smsTemplates = {
  code: (locale: Locale, { code, minutes, purpose }: { code: string; minutes: number; purpose: 'verify_phone' | 'password_reset' | 'sign_in' }) => {
    const what = {
      th: { verify_phone: 'ยืนยันเบอร์โทรศัพท์', password_reset: 'ตั้งรหัสผ่านใหม่', sign_in: 'เข้าสู่ระบบ' },
      en: { verify_phone: 'verify your phone number', password_reset: 'reset your password', sign_in: 'sign in' },
    }[locale][purpose];
    return locale === 'th' ? `${code} คือรหัสเพื่อ${what} ใช้ได้ภายใน ${minutes} นาที อย่าบอกรหัสนี้กับผู้ใด` : `${code} is your code to ${what}. It expires in ${minutes} minutes. Never share it.`;
  },
};

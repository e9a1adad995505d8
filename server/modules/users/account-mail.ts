import type { Locale } from '../../../shared/schemas/common.js';
import type { TokenPurpose } from './users.repo.js';

/** How long each kind of link stays usable. */
export const LINK_HOURS: Record<TokenPurpose, number> = { invite: 7 * 24, reset: 1 };

/** The web page each link opens (web/src/auth/AccountLinkPage.tsx). */
export const linkPath = (purpose: TokenPurpose, token: string) =>
  purpose === 'invite' ? `/invite/${token}` : `/password/${token}`;

type Text = Record<Locale, string>;
const SUBJECT: Record<TokenPurpose, Text> = {
  invite: {
    vi: 'Lời mời sử dụng Steerboard',
    en: 'Your invitation to Steerboard',
    ar: 'دعوتك إلى Steerboard',
  },
  reset: {
    vi: 'Đặt lại mật khẩu Steerboard',
    en: 'Reset your Steerboard password',
    ar: 'إعادة تعيين كلمة مرور Steerboard',
  },
};
const BODY: Record<TokenPurpose, Text> = {
  invite: {
    vi: 'Xin chào {name},\n\n{inviter} đã tạo cho bạn tài khoản Steerboard ({email}).\nĐặt mật khẩu của bạn tại liên kết sau (dùng một lần, hết hạn sau 7 ngày):\n\n{link}\n\nSau đó đăng nhập bằng email và mật khẩu vừa đặt.',
    en: 'Hello {name},\n\n{inviter} has created a Steerboard account for you ({email}).\nSet your password with this link (it works once and expires in 7 days):\n\n{link}\n\nThen sign in with your e-mail and that password.',
    ar: 'مرحبًا {name}،\n\nأنشأ {inviter} لك حسابًا على Steerboard ({email}).\nعيّن كلمة مرورك عبر هذا الرابط (يعمل مرة واحدة وتنتهي صلاحيته بعد 7 أيام):\n\n{link}\n\nثم سجّل الدخول ببريدك الإلكتروني وكلمة المرور هذه.',
  },
  reset: {
    vi: 'Xin chào {name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản {email}.\nĐặt mật khẩu mới tại liên kết sau (dùng một lần, hết hạn sau 1 giờ):\n\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
    en: 'Hello {name},\n\nSomeone asked to reset the password of the account {email}.\nSet a new password with this link (it works once and expires in 1 hour):\n\n{link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.',
    ar: 'مرحبًا {name}،\n\nطُلبت إعادة تعيين كلمة مرور الحساب {email}.\nعيّن كلمة مرور جديدة عبر هذا الرابط (يعمل مرة واحدة وتنتهي صلاحيته بعد ساعة واحدة):\n\n{link}\n\nإن لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
  },
};

export function accountMail(
  purpose: TokenPurpose,
  locale: Locale,
  p: { name: string; email: string; link: string; inviter: string },
) {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: keyof typeof p) => p[k] ?? '');
  return { subject: SUBJECT[purpose][locale], body: fill(BODY[purpose][locale]) };
}

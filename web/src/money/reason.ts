import type { WarningReasonView } from '@shared/schemas/warnings';
import { displayRate } from '@shared/money';
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n';

/** The label of a warning-list reason; the disbursement one shows the unit's rate and the threshold. */
export function reasonLabel(
  t: TFunction,
  r: WarningReasonView,
  lang: Lang,
  area: 'warnings' | 'cockpit' = 'cockpit',
): string {
  if (r.code === 'disbursement_below_threshold') {
    const i = r.items[0];
    return t('money.reason', {
      rate: i ? displayRate(i.rate, lang) : '',
      min: i ? displayRate(i.minRatePct, lang) : '',
    });
  }
  return t(`${area}.reason.${r.code}`, { count: r.count });
}

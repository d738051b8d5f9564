import type { ComponentType } from 'preact';
import type { UiLocale } from '../../i18n';
import { PolicyStatusSection } from '../settings-status/PolicyStatusSection';
import { ReportingPanel } from '../ReportingPanel';

/** What every popup section receives. */
export interface PopupSectionProps {
  locale: UiLocale;
}

/**
 * The popup's extra sections, in order, below today's counts. The policy status and the
 * reporting panel are listed here by the engineers who write them.
 */
export const POPUP_SECTIONS: ComponentType<PopupSectionProps>[] = [PolicyStatusSection, ReportingPanel];

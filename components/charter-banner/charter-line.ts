import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CharterReminderView } from '../../src/charter-banner/reminder.js';
import type { CharterStrings, ElementStrings } from '../../src/i18n/catalogue.js';
import type { LocaleController } from '../../src/i18n/locale-controller.js';
import { charterIcon, checkIcon, clockIcon } from '../shared/icons.js';

export type LineView = Extract<CharterReminderView, { state: 'acknowledged' | 'not-required' | 'snoozed' }>;

/**
 * Inline mode's one line when nothing is asked now: "acknowledged on …" (or the charter's title
 * when it asks nothing), or "reminder postponed until …" — the article still points at the
 * charter, so the card keeps a way to read it.
 */
export function renderCharterLine(l10n: LocaleController<ElementStrings<CharterStrings>>, view: LineView, options: { read: (event: Event) => void; willSync: boolean }): TemplateResult {
  const { t } = l10n;
  if (view.state === 'snoozed') {
    return html`<p part="snoozed" class="line">
      ${clockIcon()}<span
        >${t.charterSnoozedUntil(l10n.date(view.until))} <span aria-hidden="true">—</span>
        <button part="reread-button" class="link-button" @click=${options.read}>${t.charterRead}</button></span
      >
    </p>`;
  }
  const { charter } = view.standing;
  const acknowledgedAt = view.state === 'acknowledged' ? view.standing.acknowledgment?.at : undefined;
  // The title is data: isolated, so that its own direction marks cannot reorder what follows.
  const text = acknowledgedAt ? t.charterAcknowledgedOn(l10n.date(acknowledgedAt)) : html`<bdi class="data" lang=${ifDefined(charter.lang)}>${charter.title}</bdi>`;
  return html`<p part="acknowledged" class="line">
    ${acknowledgedAt ? checkIcon() : charterIcon()}<span
      >${text} <span aria-hidden="true">—</span>
      <button part="reread-button" class="link-button" @click=${options.read}>${acknowledgedAt ? t.charterReread : t.charterRead}</button
      >${options.willSync ? html` <span part="will-sync">${t.willSync}</span>` : nothing}</span
    >
  </p>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { FixPlan } from '../../src/guard/fix.js';
import type { Finding } from '../../src/guard/types.js';
import type { ElementStrings, GuardStrings } from '../../src/i18n/catalogue.js';

/** What a finding's buttons do; each finds its finding by the list item's `data-index`. */
export interface FindingHandlers {
  show: (event: Event) => void;
  fix: (event: Event) => void;
  edit: (event: Event) => void;
}

/** The fix button's words: the suggestion as the policy wrote it (the preview shows it in place), or a removal. */
function fixLabel(finding: Finding, t: ElementStrings<GuardStrings>): string {
  const written = finding.grammar ? finding.grammar.text.trim() : finding.suggestion!;
  return written === '' && finding.grammar ? t.guardRemovePassage : t.guardReplaceWith(written);
}

/**
 * One finding of the composer's list: its severity, its message, the passage (a button that
 * selects it), and its fix: the sentence as the fix will leave it (« Devient : … »), then either
 * the one-click fix, or, where none is safe, a note and « Modifier », which selects the passage
 * for the employee to rewrite.
 */
export function renderFinding(
  finding: Finding,
  plan: FixPlan | undefined,
  index: number,
  t: ElementStrings<GuardStrings>,
  icon: TemplateResult,
  on: FindingHandlers,
): TemplateResult {
  const passage = finding.end > finding.start;
  const safe = plan && !plan.unsafe;
  return html`<li part="finding" class=${finding.severity} data-index=${index}>
    <p class="finding-head">${icon}<span class="severity">${t.severityName(finding.severity)}</span></p>
    <p class="message" dir="auto">${finding.message}</p>
    ${plan
      ? html`<p part="preview" class="preview"><span class="preview-label">${t.guardPreviewLabel}</span> <bdi class="preview-text">${plan.preview}</bdi></p>
          ${plan.unsafe ? html`<p class="no-fix">${t.guardNoOneClickFix}</p>` : nothing}`
      : nothing}
    ${passage || safe
      ? html`<div class="finding-actions">
          ${passage
            ? html`<button part="show-button" class="excerpt" aria-label=${t.guardShowPassage(finding.excerpt)} @click=${on.show}>
                <bdi class="data">${finding.excerpt}</bdi>
              </button>`
            : nothing}
          ${safe && finding.suggestion !== undefined
            ? html`<button part="fix-button" @click=${on.fix}>${fixLabel(finding, t)}</button>`
            : nothing}
          ${plan?.unsafe && passage
            ? html`<button part="edit-button" aria-label=${t.guardEditPassage(finding.excerpt)} @click=${on.edit}>${t.guardEdit}</button>`
            : nothing}
        </div>`
      : nothing}
  </li>`;
}

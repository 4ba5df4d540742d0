/**
 * What the demo page tests check on a page opened in a frame: axe (loaded from the page's own
 * origin, which a strict CSP lets in) and the page's own text, for French typography.
 */
import type { AxeResults } from 'axe-core';

/** A frame's window, with axe once it is loaded there. */
export type AxeWindow = Window & { axe?: { run: (context: Document) => Promise<AxeResults> } };

/** axe's results for the frame's whole document, loading axe there first if need be. */
export async function axeIn(win: AxeWindow): Promise<AxeResults> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    const ready = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
    script.src = '/node_modules/axe-core/axe.min.js';
    win.document.head.append(script);
    await ready;
  }
  return win.axe!.run(win.document);
}

/** One line per node axe found at fault: rule, impact, target and what fails. */
export function describeViolations(results: AxeResults): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? ''}): ${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`),
  );
}

/** The page's own text, without `leftOut` (code samples, scripts and styles by default) nor the elements' shadow roots. */
export function pageText(win: Window, leftOut = 'code, script, style'): string {
  const body = win.document.body.cloneNode(true) as HTMLElement;
  for (const element of body.querySelectorAll(leftOut)) element.remove();
  return body.textContent ?? '';
}

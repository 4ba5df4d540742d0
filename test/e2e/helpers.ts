/** Opening the plain HTML test pages (which load the built dist/relais.iife.js) and reading them. */
import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

export interface PageWindow extends Window {
  Relais: Record<string, unknown> & { version: string; checkPost: (text: string, policy: unknown, options?: unknown) => { verdict: string } };
  cspViolations: string[];
  consoleMessages: { level: string; text: string }[];
}

let frame: HTMLIFrameElement | undefined;

/** Removes the page opened last. */
export function closePage(): void {
  frame?.remove();
}

/** Opens a test page in a frame (the one before it is removed); `W` says what the page adds to its window. */
export async function openPage<W extends Window = PageWindow>(path: string): Promise<W> {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px; border: 0; position: absolute; top: 0; left: 0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as unknown as W;
}

/** The first element matching `selector` inside the page's `<charter-banner>` shadow root. */
export function inBanner(win: PageWindow, selector: string): HTMLElement | null {
  return win.document.querySelector('charter-banner')?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

export async function waitFor(win: PageWindow, selector: string): Promise<HTMLElement> {
  await waitUntil(() => inBanner(win, selector), `${selector} never appeared in <charter-banner>`, { timeout: 5000 });
  return inBanner(win, selector)!;
}

/** Clicks like a person: a real mouse event at the middle of the element. */
export async function click(element: HTMLElement): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const frameBox = frame!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(frameBox.left + box.left + box.width / 2), Math.round(frameBox.top + box.top + box.height / 2)] });
}


import type { ShareIntent } from '../../src/share/index.js';

/**
 * What the browser does when the viewer shares: open a network's page, copy to the clipboard,
 * hand data to the device's share sheet. One seam, so that an element holds no browser call of
 * its own, a host with its own way to open links (a Teams tab, an SPFx web part) can replace
 * it, and tests inject a recorder instead of patching `window` or `navigator`.
 */
export interface ShareActions {
  /** Opens `href` in a new window, without giving it this page (`noopener`). Called within the viewer's click. */
  open(href: string): void;
  /** Copies `text`; resolves whether it was copied. `host`: the element whose shadow root can hold a selection. */
  copy(text: string, host: HTMLElement): Promise<boolean>;
  /** Whether the device's share sheet accepts `data` (Web Share API). */
  canShare(data: ShareData): boolean;
  /** Opens the device's share sheet; rejects when the viewer closed it without sharing. */
  share(data?: ShareData): Promise<void>;
}

/** The browser's own: `window.open`, the Clipboard API (or a selection), `navigator.share`. */
export const browserShareActions: ShareActions = {
  open(href) {
    window.open(href, '_blank', 'noopener,noreferrer');
  },

  copy(text, host) {
    const clipboard = navigator.clipboard;
    if (typeof clipboard?.writeText !== 'function') return Promise.resolve(copyWithSelection(text, host));
    return clipboard.writeText(text).then(
      () => true,
      () => copyWithSelection(text, host),
    );
  },

  canShare(data) {
    try {
      return typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare(data);
    } catch {
      return false;
    }
  },

  share: (data) => navigator.share(data),
};

/** The older way, `execCommand('copy')` on a hidden selection, still within the click. */
function copyWithSelection(text: string, host: HTMLElement): boolean {
  const root = host.shadowRoot ?? host;
  const active = host.shadowRoot?.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.className = 'sr-only';
  root.append(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus();
  return copied;
}

/** What carrying out a share intent did: the copy (where the intent copies), and whether the share went ahead. */
export interface CarriedOut {
  copied?: Promise<boolean>;
  /** False when the viewer closed the share sheet without sharing. */
  shared: Promise<boolean>;
}

/**
 * Carries out a share intent from the viewer's click: the window opens in the same task, so that
 * popup blockers allow it; where the network ignores prefilled text, the text is copied first
 * (the employee pastes it there).
 */
export function carryOut(intent: ShareIntent, actions: ShareActions, host: HTMLElement): CarriedOut {
  switch (intent.action) {
    case 'copy-then-open': {
      const copied = actions.copy(intent.copy ?? '', host);
      actions.open(intent.href!);
      return { copied, shared: Promise.resolve(true) };
    }
    case 'open':
      actions.open(intent.href!);
      return { shared: Promise.resolve(true) };
    case 'copy':
      return { copied: actions.copy(intent.copy ?? '', host), shared: Promise.resolve(true) };
    case 'native':
      return { shared: actions.share(intent.shareData).then(() => true, () => false) };
  }
}

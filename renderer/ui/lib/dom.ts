/** True when the focused element takes text, where single-key shortcuts must stay silent. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

/** True on macOS, where Mod means ⌘; only used to label shortcuts. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/**
 * Moves focus to a form field by id. A group (fieldset) is not focusable, so its first
 * control takes focus instead; the field is scrolled into the middle of the view.
 */
export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const target =
    el instanceof HTMLFieldSetElement || el.getAttribute('role') === 'group'
      ? el.querySelector<HTMLElement>('input, select, textarea, button')
      : el;
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'center' });
  return true;
}

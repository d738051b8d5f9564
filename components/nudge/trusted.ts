/**
 * Only a person's own click or key press acts; a page script's synthetic event does nothing.
 * `preventUntrusted` also stops a synthetic click from following a link.
 */
export function trusted(action: () => void, preventUntrusted = false) {
  return (event: Event) => {
    if (!event.isTrusted) {
      if (preventUntrusted) event.preventDefault();
      return;
    }
    action();
  };
}

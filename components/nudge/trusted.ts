/** Only a person's own click or key press acts; a page script's synthetic event does nothing. */
export function trusted(action: () => void) {
  return (event: Event) => {
    if (event.isTrusted) action();
  };
}

/**
 * A link the extension follows itself: the page could rewrite the href in the DOM, so the click
 * never follows it; a person's click asks the background to open the address from the policy.
 */
export function followedByExtension(action: () => void) {
  return (event: Event) => {
    event.preventDefault();
    if (event.isTrusted) action();
  };
}

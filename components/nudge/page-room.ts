/**
 * Where on a messenger's page the nudge may sit without hiding what the teacher needs: never on the
 * message box, and once collapsed on no control at all. The page is unknown (each client lays
 * itself out differently, at any size and zoom), so the place is found by asking the page what is
 * under each candidate spot, not from a list of layouts.
 */

/** What a person can click or type into (broadly: better to avoid too much than to cover a control); the e2e tests check the same. */
export const PAGE_CONTROLS = 'a[href],button,input,select,textarea,summary,[contenteditable],[tabindex],[role=button],[role=link],[role=textbox],[role=tab]';

/** A message box: where the teacher types. */
const TEXT_BOX = 'textarea,[contenteditable],[role=textbox],input[type=text]';

const GAP = 8;

/**
 * How far down the expanded banner may reach: above the topmost message box in the lower half of
 * the window (where every client keeps it), or half the window when there is none.
 */
export function roomAboveTextBox(): number {
  const height = innerHeight;
  let limit = height;
  for (const box of document.querySelectorAll(TEXT_BOX)) {
    const { top, height: boxHeight } = box.getBoundingClientRect();
    if (boxHeight > 0 && top >= height / 2 && top < limit) limit = top;
  }
  return Math.max((limit < height ? limit : height / 2 + GAP) - GAP, 48);
}

function coversControl(host: Element, left: number, top: number, width: number, height: number): boolean {
  for (let i = 0; i <= 4; i++) {
    for (let j = 0; j <= 4; j++) {
      const below = document.elementsFromPoint(left + (width * i) / 4, top + (height * j) / 4).find((element) => element !== host);
      if (below?.closest(PAGE_CONTROLS)) return true;
    }
  }
  return false;
}

/**
 * The first spot, of the window's edges and middles, where a box of this size covers no page
 * control; the top right corner when every spot does (the page is all controls).
 */
export function freeSpot(host: Element, width: number, height: number): { left: number; top: number } {
  const right = document.documentElement.clientWidth - width - GAP;
  const bottom = roomAboveTextBox() - height;
  // Right middle first: the open chat's messages, where clients put no controls.
  for (const [x, y] of [[1, 0.5], [1, 1], [0.5, 0.5], [0.5, 1], [1, 0], [0, 1], [0, 0.5], [0.5, 0]] as const) {
    const spot = { left: GAP + x * (right - GAP), top: GAP + y * (bottom - GAP) };
    if (spot.top >= 0 && spot.left >= 0 && !coversControl(host, spot.left, spot.top, width, height)) return spot;
  }
  return { left: right, top: GAP };
}

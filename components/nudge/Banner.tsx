import { Component, createRef } from 'preact';
import type { DecisionAlternative, NudgeTexts, UiLocale } from '../../messages';
import type { NudgeChoices } from './choices';
import { freeSpot, roomAboveTextBox } from './page-room';
import { followedByExtension, trusted } from './trusted';

export interface BannerProps extends NudgeChoices {
  texts: NudgeTexts;
  locale: UiLocale;
  alternative: DecisionAlternative;
  /** A district's own words, shown instead of the built-in rule sentence. */
  message?: string;
  onParentsMessage: () => void;
  /** Counts `personal_use`; resolves to the words saying how long the nudge stays quiet. */
  onPersonalUse: () => Promise<string | undefined> | void;
  /** The teacher closed it: counted as `dismissed`, quiet time starts, the banner goes. */
  onClose: () => void;
  /** The banner goes, counting nothing (after the quiet-time confirmation). */
  onDone: () => void;
}

/**
 * States:
 *
 *   open ──(click or key in the page, «Свернуть», Esc)──► collapsed ──(its button)──► open
 *   open ──(«Это личная переписка»)──► quiet ──(click or key in the page, Esc)──► gone
 *   open ──(×)──► gone (dismissed)
 *
 * Open, it spans the top of the window down to no lower than the message box; collapsed (and the
 * quiet-time line) sits on a spot that covers no control of the page. Collapsing counts nothing.
 */
const NOT_INPUT_KEYS = /^(Tab|Shift|Control|Alt|Meta|F6)$/;

type View = 'new' | 'open' | 'collapsed' | 'quiet';

interface BannerState {
  view: View;
  quietText?: string;
}

export class Banner extends Component<BannerProps, BannerState> {
  override state: BannerState = { view: 'new' };
  private box = createRef<HTMLElement>();
  /** Where the keyboard was before it came into the banner; Esc gives it back. */
  private returnFocus: HTMLElement | null = null;

  override componentDidMount() {
    document.addEventListener('pointerdown', this.onPageInput, true);
    document.addEventListener('keydown', this.onPageInput, true);
    document.defaultView?.addEventListener('resize', this.place);
    // The words go into a live region that is already on the page, so a screen reader reads them.
    this.setState({ view: 'open' });
  }

  override componentWillUnmount() {
    document.removeEventListener('pointerdown', this.onPageInput, true);
    document.removeEventListener('keydown', this.onPageInput, true);
    document.defaultView?.removeEventListener('resize', this.place);
  }

  override componentDidUpdate() {
    this.place();
  }

  private host(): Node | undefined {
    const root = this.box.current?.getRootNode() as Partial<ShadowRoot> | undefined;
    return root?.host;
  }

  /**
   * The teacher turned to the page: the banner steps aside. Its own events reach the document
   * retargeted to the host; moving the keyboard (Tab, modifiers) is not turning away.
   */
  private onPageInput = (event: Event) => {
    if (!event.isTrusted || event.target === this.host()) return;
    if (NOT_INPUT_KEYS.test((event as KeyboardEvent).key)) return;
    if (this.state.view === 'open') this.setState({ view: 'collapsed' });
    if (this.state.view === 'quiet') this.props.onDone();
  };

  private place = () => {
    const box = this.box.current;
    const host = this.host();
    if (!box || !host) return;
    if (this.state.view === 'open') {
      box.style.cssText = `max-height:${roomAboveTextBox()}px`;
      return;
    }
    const spot = freeSpot(host as Element, box.offsetWidth, box.offsetHeight);
    box.style.left = `${spot.left}px`;
    box.style.top = `${spot.top}px`;
  };

  private collapse = (restoreFocus: boolean) => {
    this.setState({ view: 'collapsed' });
    if (restoreFocus) this.returnFocus?.focus();
  };

  private reopen = () => {
    this.setState({ view: 'open' }, () => this.box.current?.querySelector<HTMLElement>('.primary')?.focus());
  };

  private personalUse = async () => {
    const quietText = await this.props.onPersonalUse();
    this.setState({ view: 'quiet', quietText: quietText ?? this.props.texts.personalUse });
    this.returnFocus?.focus();
  };

  private onFocusIn = (event: FocusEvent) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && from.getRootNode() === document) this.returnFocus = from;
  };

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    event.preventDefault();
    if (this.state.view === 'quiet') this.props.onDone();
    else this.collapse(true);
  };

  override render({ texts, locale, alternative, message, onAlternative, onHowToMove, onParentsMessage, onClose }: BannerProps, { view, quietText }: BannerState) {
    return (
      <section ref={this.box} class={`nudge ${view}`} role="region" aria-label={texts.label} lang={locale} onKeyDown={this.onKeyDown} onFocusIn={this.onFocusIn}>
        <div class="live" aria-live="polite">
          {view === 'open' && <p class="rule">{message ?? texts.rule}</p>}
          {view === 'quiet' && <p class="rule">{quietText}</p>}
        </div>
        {view === 'open' && (
          <div class="actions">
            <a class="primary" href={alternative.url} target="_blank" rel="noopener noreferrer" onClick={followedByExtension(onAlternative)}>
              {texts.openAlternative}
            </a>
            <button type="button" class="link" onClick={trusted(onHowToMove)}>
              {texts.howToMove}
            </button>
            <button type="button" class="link" onClick={trusted(onParentsMessage)}>
              {texts.parentsMessage}
            </button>
            <button type="button" class="secondary" onClick={trusted(() => void this.personalUse())}>
              {texts.personalUse}
            </button>
          </div>
        )}
        {view === 'open' && (
          <div class="corner">
            <button type="button" class="icon" aria-label={texts.collapse} onClick={trusted(() => this.collapse(false))}>
              ▴
            </button>
            <button type="button" class="icon" aria-label={texts.close} onClick={trusted(onClose)}>
              ×
            </button>
          </div>
        )}
        {view === 'collapsed' && (
          <button type="button" class="reopen" onClick={trusted(this.reopen)}>
            {texts.reopen}
          </button>
        )}
      </section>
    );
  }
}

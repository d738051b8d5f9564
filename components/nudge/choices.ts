/** What the teacher can choose on the banner and on the interstitial alike. */
export interface NudgeChoices {
  onAlternative: () => void;
  onHowToMove: () => void;
  onPersonalUse: () => void;
}

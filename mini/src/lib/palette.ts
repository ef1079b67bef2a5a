/**
 * The app's colours as values, for the places that cannot take a class or a CSS variable: the
 * F2 charts draw on a canvas (a canvas paints with colour strings and cannot read CSS custom
 * properties), NutUI's Progress and Taro.showModal take colour props. Each entry is the same value
 * as the --ms-color-* token of app.css it names; keep the two in step. Everything else uses classes.
 */
export const PALETTE = {
  primary: '#2f6bff', // --ms-color-primary
  success: '#12a150', // --ms-color-success
  danger: '#e5362c', // --ms-color-danger
  text: '#1d2129', // --ms-color-text
  secondary: '#4e5969', // --ms-color-secondary
  muted: '#86909c', // --ms-color-muted
  disabled: '#c9cdd4', // --ms-color-disabled
  /** Pace "at risk": the charts' and bars' orange (brighter than --ms-color-warning's text). */
  atRisk: '#f08c00', // --ms-color-at-risk
  /** A progress bar's empty track. */
  track: '#eef0f5', // --ms-color-track
} as const;
